"use client";

import { useActionState } from "react";
import { renewInvitationAction } from "@/lib/clients/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { InvitationLink } from "./invitation-link";
import { formError } from "@/components/ui/form-state";

export function RenewInvitationButton({ clientId, label = "New invitation link" }: { clientId: string; label?: string }) {
  const [state, action] = useActionState(renewInvitationAction, null);
  return (
    <div className="space-y-3">
      <form action={action}>
        <input type="hidden" name="clientId" value={clientId} />
        <SubmitButton variant="secondary" pendingLabel="Creating…">
          {label}
        </SubmitButton>
      </form>
      {state?.ok ? <InvitationLink clientName={state.clientName} link={state.link} expiresAt={state.expiresAt} /> : null}
      <FormAlert message={formError(state)} />
    </div>
  );
}
