"use client";

import { NewPasswordFields } from "@/components/auth/new-password-fields";
import { useActionState } from "react";
import { acceptInvitationAction } from "@/lib/accounts/actions";
import { CheckEmailNotice } from "@/components/auth/check-email-notice";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { formError } from "@/components/ui/form-state";

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
      <NewPasswordFields state={state} />
      <SubmitButton pendingLabel="Setting up…" className="w-full">
        Join and continue
      </SubmitButton>
    </form>
  );
}
