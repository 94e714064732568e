"use client";

import { useActionState } from "react";
import { useRouter } from "next/navigation";
import { confirmEnrolmentAction, startEnrolmentAction } from "@/lib/two-factor/actions";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldError, formError } from "@/components/ui/form-state";
import { TwoFactorRecoveryCodes } from "./two-factor-recovery-codes";

export function TwoFactorStartButton({ label = "Set up two-step sign-in" }: { label?: string }) {
  const [state, action] = useActionState(startEnrolmentAction, null);
  return (
    <form action={action} className="space-y-3">
      <FormAlert message={formError(state)} />
      <SubmitButton variant="secondary" pendingLabel="Preparing…">
        {label}
      </SubmitButton>
    </form>
  );
}

/**
 * Step 2 of setting up: the QR code (rendered on the server and passed in),
 * the key to type by hand, and a first code. On success the recovery codes
 * are shown; "Continue" then re-reads the page (or goes on to `doneHref`).
 */
export function TwoFactorEnrolment({
  qrCode,
  secret,
  doneHref,
}: {
  qrCode: React.ReactNode;
  secret: string;
  doneHref?: string;
}) {
  const [state, action] = useActionState(confirmEnrolmentAction, null);
  const router = useRouter();

  if (state?.ok) {
    return (
      <div className="space-y-4">
        <FormAlert tone="success" message="Two-step sign-in is on. Other devices have been signed out." />
        <TwoFactorRecoveryCodes codes={state.recoveryCodes} />
        <Button onClick={() => (doneHref ? router.push(doneHref) : router.refresh())}>I’ve saved my codes</Button>
      </div>
    );
  }

  return (
    <div className="space-y-5">
      <ol className="list-decimal space-y-1 pl-5 text-sm text-stone-700">
        <li>Open an authenticator app on your phone (for example Google Authenticator, Microsoft Authenticator or 1Password).</li>
        <li>Scan this QR code, or type the setup key by hand.</li>
        <li>Enter the 6-digit code the app shows.</li>
      </ol>
      <div className="flex flex-col items-start gap-4 sm:flex-row sm:items-center">
        {qrCode}
        <div className="min-w-0 space-y-1">
          <p className="text-sm font-medium text-stone-800" id="two-factor-setup-key-label">
            Setup key
          </p>
          <code
            aria-labelledby="two-factor-setup-key-label"
            data-testid="two-factor-setup-key"
            className="block rounded-md bg-stone-100 px-2 py-1 font-mono text-sm break-words text-stone-900 select-all"
          >
            {secret.match(/.{1,4}/g)?.join(" ")}
          </code>
          <p className="text-xs text-stone-600">Time-based, 6 digits.</p>
        </div>
      </div>
      <form action={action} noValidate className="space-y-4" aria-label="Confirm two-step sign-in">
        <FormAlert message={state && !state.fieldErrors.code ? formError(state) : undefined} />
        <TextField
          label="Code from your authenticator app"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={20}
          required
          error={fieldError(state, "code")}
          className="max-w-48 font-mono tracking-widest"
        />
        <SubmitButton pendingLabel="Checking…">Turn on two-step sign-in</SubmitButton>
      </form>
      <TwoFactorStartButton label="Start again with a new key" />
    </div>
  );
}
