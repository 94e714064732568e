"use client";

import { useActionState } from "react";
import { writeSupervisionNoteAction } from "@/lib/supervision-notes/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextAreaField } from "@/components/ui/field";
import { fieldError, formError, typedValue } from "@/components/ui/form-state";

export function SupervisionNoteForm({ clientId }: { clientId: string }) {
  const [state, action] = useActionState(writeSupervisionNoteAction, null);
  const fieldErrors = fieldError(state, "body");
  return (
    <form action={action} noValidate className="mt-4 space-y-2">
      <input type="hidden" name="clientId" value={clientId} />
      <TextAreaField
        label="Add a supervision note"
        name="body"
        rows={3}
        hint="Read by you, the client’s clinician and the practice owner. Never shown to the client."
        defaultValue={typedValue(state, "body")}
        error={fieldErrors}
      />
      <FormAlert tone={state?.ok ? "success" : "error"} message={state?.ok ? state.message : fieldErrors ? undefined : formError(state)} />
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        Save note
      </SubmitButton>
    </form>
  );
}
