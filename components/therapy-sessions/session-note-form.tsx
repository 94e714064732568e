"use client";

import { useActionState } from "react";
import { TextAreaField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { fieldError, typedValue } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { saveSessionNoteAction } from "@/lib/therapy-sessions/actions";
import { SESSION_NOTE_MAX } from "@/lib/therapy-sessions/limits";

/** The clinician's own short note; never shown to the client or in their exports. */
export function SessionNoteForm({ sessionId, body }: { sessionId: string; body: string }) {
  const [state, action] = useActionState(saveSessionNoteAction, null);
  return (
    <form action={action} className="space-y-3 print:hidden">
      <input type="hidden" name="sessionId" value={sessionId} />
      <TextAreaField
        label="Your note"
        name="body"
        rows={5}
        maxLength={SESSION_NOTE_MAX}
        hint="Only you can read this. The client never sees it, and it is not in their exports."
        defaultValue={typedValue(state, "body") ?? body}
        error={fieldError(state, "body")}
      />
      <FormAlert tone="success" message={state?.ok ? state.message : undefined} />
      <FormAlert message={state && !state.ok && !fieldError(state, "body") ? state.message : undefined} />
      <SubmitButton pendingLabel="Saving…">Save note</SubmitButton>
    </form>
  );
}
