"use client";

import { useActionState } from "react";
import { duplicateTemplateAction } from "@/lib/templates/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ButtonVariant } from "@/components/ui/button";
import { formError } from "@/components/ui/form-state";

export function DuplicateTemplateButton({
  templateId,
  label,
  variant = "primary",
}: {
  templateId: string;
  label: string;
  variant?: ButtonVariant;
}) {
  const [state, action] = useActionState(duplicateTemplateAction, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="templateId" value={templateId} />
      <SubmitButton variant={variant} pendingLabel="Making a copy…">
        {label}
      </SubmitButton>
      <FormAlert message={formError(state)} />
    </form>
  );
}
