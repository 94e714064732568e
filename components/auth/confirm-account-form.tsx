"use client";

import { useActionState } from "react";
import { confirmAccountAction } from "@/lib/accounts/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldError, formError } from "@/components/ui/form-state";

// Confirming takes a press of the button (a POST), never the mere opening of
// the link, so mail scanners that follow links cannot use it up.
export function ConfirmAccountForm({ token, email }: { token: string; email: string }) {
  const [state, action] = useActionState(confirmAccountAction, null);
  return (
    <form action={action} noValidate className="space-y-4">
      <FormAlert message={formError(state)} />
      <input type="hidden" name="token" value={token} />
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField
        label="Your password"
        name="password"
        type="password"
        autoComplete="current-password"
        hint="The password you chose a moment ago."
        required
        error={fieldError(state, "password")}
      />
      <SubmitButton pendingLabel="Confirming…" className="w-full">
        Confirm and sign in
      </SubmitButton>
    </form>
  );
}
