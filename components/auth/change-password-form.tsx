"use client";

import { useActionState } from "react";
import { changePasswordAction } from "@/lib/auth/change-password-action";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldError } from "@/components/ui/form-state";

export function ChangePasswordForm({ changed }: { changed: boolean }) {
  const [state, action] = useActionState(changePasswordAction, null);
  return (
    <form action={action} noValidate className="space-y-4" aria-label="Change password">
      <FormAlert
        tone={state && !state.ok ? "error" : "success"}
        message={
          state && !state.ok
            ? state.message
            : changed
              ? "Password changed. You stay signed in here; other devices have been signed out."
              : undefined
        }
      />
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        error={fieldError(state, "currentPassword")}
      />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters."
        required
        error={fieldError(state, "newPassword")}
      />
      <TextField
        label="New password again"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        error={fieldError(state, "confirmPassword")}
      />
      <SubmitButton pendingLabel="Saving…">Change password</SubmitButton>
    </form>
  );
}
