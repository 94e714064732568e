"use client";

import { useActionState } from "react";
import { giveFeedbackAction } from "@/lib/review/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextAreaField } from "@/components/ui/field";
import { fieldError, typedValue } from "@/components/ui/form-state";

export function FeedbackForm({ submissionId, clientName }: { submissionId: string; clientName: string }) {
  const [state, action] = useActionState(giveFeedbackAction, null);
  return (
    <form action={action} noValidate className="space-y-3">
      <input type="hidden" name="submissionId" value={submissionId} />
      <FormAlert tone={state?.ok ? "success" : "error"} message={state?.message} />
      <TextAreaField
        label={`Feedback for ${clientName}`}
        name="body"
        rows={4}
        hint="They will see this under their entry. Sending it marks the entry reviewed."
        defaultValue={typedValue(state, "body")}
        error={fieldError(state, "body")}
      />
      <SubmitButton pendingLabel="Sending…">Send feedback</SubmitButton>
    </form>
  );
}
