"use client";

import { useActionState } from "react";
import { setEntrySharingAction } from "@/lib/couples/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { formError } from "@/components/ui/form-state";

/**
 * "Share with my partner" on one of the client's own entries. The state
 * shown follows the server's answer, so a second tap or a stale page never
 * flips it the wrong way (the server only ever sets what was asked).
 */
export function ShareEntryForm({ submissionId, partnerName, sharedNow }: { submissionId: string; partnerName: string; sharedNow: boolean }) {
  const [state, action] = useActionState(setEntrySharingAction, null);
  const shared = state?.ok ? state.shared : sharedNow;
  return (
    <form action={action} className="space-y-3" data-testid="share-entry-form">
      <input type="hidden" name="submissionId" value={submissionId} />
      <input type="hidden" name="share" value={shared ? "no" : "yes"} />
      <p className="text-stone-700" data-testid="share-state">
        {shared
          ? `${partnerName} can read this entry, except any answers you kept private.`
          : `Only you and your clinician can read this entry. You can share it with ${partnerName}; answers you kept private stay private, and you can stop sharing at any time.`}
      </p>
      <FormAlert tone={state?.ok ? "success" : "error"} message={state?.ok ? state.message : formError(state)} />
      <SubmitButton variant="secondary" pendingLabel={shared ? "Stopping…" : "Sharing…"}>
        {shared ? `Stop sharing with ${partnerName}` : `Share with ${partnerName}`}
      </SubmitButton>
    </form>
  );
}
