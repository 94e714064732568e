"use client";

import { useActionState } from "react";
import { endOtherSessionsAction, endSessionAction } from "@/lib/sessions/session-actions";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";

export function EndSessionForm({ handle, device }: { handle: string; device: string }) {
  const [state, action] = useActionState(endSessionAction, null);
  return (
    <form action={action} aria-label={`Sign out ${device}`} className="space-y-2">
      <input type="hidden" name="session" value={handle} />
      <SubmitButton variant="secondary" pendingLabel="Signing out…">
        Sign out
      </SubmitButton>
      {state && !state.ok ? <FormAlert message={state.message} /> : null}
    </form>
  );
}

/** Stays mounted when the list empties, so its "signed out" message outlives the refresh. */
export function EndOtherSessionsForm({ hasOthers }: { hasOthers: boolean }) {
  const [state, action] = useActionState(endOtherSessionsAction, null);
  return (
    <form action={action} className="space-y-2">
      <FormAlert tone={state?.ok ? "success" : "error"} message={state?.message} />
      {hasOthers ? (
        <SubmitButton variant="danger" pendingLabel="Signing out…">
          Sign out everywhere else
        </SubmitButton>
      ) : (
        <p className="text-sm text-stone-600">You aren’t signed in anywhere else.</p>
      )}
    </form>
  );
}
