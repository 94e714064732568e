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

export function EndOtherSessionsForm() {
  const [state, action] = useActionState(endOtherSessionsAction, null);
  return (
    <form action={action} className="space-y-2">
      <FormAlert tone={state?.ok ? "success" : "error"} message={state?.message} />
      <SubmitButton variant="danger" pendingLabel="Signing out…">
        Sign out everywhere else
      </SubmitButton>
    </form>
  );
}
