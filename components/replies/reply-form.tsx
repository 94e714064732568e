"use client";

import { useActionState } from "react";
import { replyToFeedbackAction } from "@/lib/replies/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextAreaField } from "@/components/ui/field";
import { fieldError, formError, typedValue } from "@/components/ui/form-state";

// The button is disabled while sending; the server also answers a repeat of
// the same text with the reply it already stored (lib/replies/write-reply.ts).
export function ReplyForm({ feedbackId, therapistName }: { feedbackId: string; therapistName: string }) {
  const [state, action] = useActionState(replyToFeedbackAction, null);
  const fieldErrors = fieldError(state, "body");
  return (
    <form action={action} noValidate className="mt-3 space-y-2" data-testid="reply-form">
      <input type="hidden" name="feedbackId" value={feedbackId} />
      <TextAreaField
        label={`Reply to ${therapistName}`}
        name="body"
        rows={3}
        hint="Only your clinician reads this, with your entry."
        defaultValue={typedValue(state, "body")}
        error={fieldErrors}
      />
      <FormAlert tone={state?.ok ? "success" : "error"} message={state?.ok ? state.message : fieldErrors ? undefined : formError(state)} />
      <SubmitButton variant="secondary" pendingLabel="Sending…">
        Send reply
      </SubmitButton>
    </form>
  );
}
