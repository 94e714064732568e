"use client";

import { useActionState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { formError } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { cancelSessionAction } from "@/lib/therapy-sessions/actions";

/** Cancel this occurrence, or (in a series) it and every later one. */
export function CancelSessionForm({ sessionId, inSeries, when }: { sessionId: string; inSeries: boolean; when: string }) {
  const [state, action] = useActionState(cancelSessionAction, null);
  return (
    <div className="flex flex-wrap items-center gap-2 print:hidden">
      <form action={action}>
        <input type="hidden" name="sessionId" value={sessionId} />
        <input type="hidden" name="which" value="one" />
        <SubmitButton variant="secondary" pendingLabel="Cancelling…">
          Cancel<span className="sr-only"> the session on {when}</span>
        </SubmitButton>
      </form>
      {inSeries ? (
        <form action={action}>
          <input type="hidden" name="sessionId" value={sessionId} />
          <input type="hidden" name="which" value="rest" />
          <SubmitButton variant="ghost" pendingLabel="Cancelling…">
            Cancel this and later ones<span className="sr-only"> from {when}</span>
          </SubmitButton>
        </form>
      ) : null}
      <FormAlert message={formError(state)} />
    </div>
  );
}
