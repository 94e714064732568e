"use client";

import { useActionState } from "react";
import { forgotPasswordAction } from "@/lib/accounts/actions";
import { CheckEmailNotice } from "@/components/auth/check-email-notice";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldError, formError, typedValue } from "@/components/ui/form-state";

export function ForgotPasswordForm() {
  const [state, action] = useActionState(forgotPasswordAction, null);
  // The same answer whether or not the address has an account.
  if (state?.ok) return <CheckEmailNotice state={state} />;
  return (
    <form action={action} noValidate className="space-y-4">
      <FormAlert message={formError(state)} />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        required
        defaultValue={typedValue(state, "email")}
        error={fieldError(state, "email")}
      />
      <SubmitButton pendingLabel="Sending…" className="w-full">
        Send me a link
      </SubmitButton>
    </form>
  );
}
