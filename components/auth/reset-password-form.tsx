"use client";

import { NewPasswordFields } from "@/components/auth/new-password-fields";
import Link from "next/link";
import { useActionState } from "react";
import { resetPasswordAction } from "@/lib/accounts/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { formError } from "@/components/ui/form-state";
import { buttonClasses } from "@/components/ui/button";

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action] = useActionState(resetPasswordAction, null);
  if (state?.ok) {
    return (
      <div className="space-y-4">
        <FormAlert tone="success" message={state.message} />
        <Link href="/sign-in" className={buttonClasses("primary", "w-full")}>
          Sign in with your new password
        </Link>
      </div>
    );
  }
  return (
    <form action={action} noValidate className="space-y-4">
      <FormAlert message={formError(state)} />
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields state={state} label="New password" againLabel="New password again" />
      <SubmitButton pendingLabel="Saving…" className="w-full">
        Set new password
      </SubmitButton>
    </form>
  );
}
