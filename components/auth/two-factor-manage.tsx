"use client";

import { useActionState } from "react";
import { disableTwoFactorAction, regenerateRecoveryCodesAction } from "@/lib/two-factor/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldError, formError } from "@/components/ui/form-state";
import { TwoFactorRecoveryCodes } from "./two-factor-recovery-codes";

const CODE_HINT = "A code from your authenticator app, or one of your recovery codes.";

export function TwoFactorRegenerateForm() {
  const [state, action] = useActionState(regenerateRecoveryCodesAction, null);
  if (state?.ok) return <TwoFactorRecoveryCodes codes={state.recoveryCodes} />;
  return (
    <form action={action} noValidate className="space-y-4" aria-label="New recovery codes">
      <FormAlert message={state && !state.fieldErrors.code ? formError(state) : undefined} />
      <TextField
        label="Current code"
        name="code"
        hint={CODE_HINT}
        autoComplete="one-time-code"
        maxLength={40}
        required
        error={fieldError(state, "code")}
      />
      <SubmitButton variant="secondary" pendingLabel="Making codes…">
        Make new recovery codes
      </SubmitButton>
    </form>
  );
}

export function TwoFactorDisableForm() {
  const [state, action] = useActionState(disableTwoFactorAction, null);
  return (
    <form action={action} noValidate className="space-y-4" aria-label="Turn off two-step sign-in">
      <FormAlert message={formError(state)} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={fieldError(state, "password")}
      />
      <TextField
        label="Code"
        name="code"
        hint={CODE_HINT}
        autoComplete="one-time-code"
        maxLength={40}
        required
        error={fieldError(state, "code")}
      />
      <SubmitButton variant="danger" pendingLabel="Turning off…">
        Turn off two-step sign-in
      </SubmitButton>
    </form>
  );
}
