"use client";

import { useActionState } from "react";
import { acceptInvitationAction } from "@/lib/accounts/actions";
import { CheckEmailNotice } from "@/components/auth/check-email-notice";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldError, formError } from "@/components/ui/form-state";

export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const [state, action] = useActionState(acceptInvitationAction, null);
  // The same answer whether or not the address already has an account.
  if (state?.ok) return <CheckEmailNotice state={state} />;
  return (
    <form action={action} noValidate className="space-y-4">
      <FormAlert message={formError(state)} />
      <input type="hidden" name="token" value={token} />
      {/* Lets password managers file the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField
        label="Choose a password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters. A short sentence is easy to remember."
        required
        error={fieldError(state, "password")}
      />
      <TextField
        label="Type it again"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        error={fieldError(state, "confirmPassword")}
      />
      <SubmitButton pendingLabel="Setting up…" className="w-full">
        Join and continue
      </SubmitButton>
    </form>
  );
}
