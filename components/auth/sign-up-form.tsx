"use client";

import { useActionState } from "react";
import { signUpAction } from "@/lib/accounts/actions";
import { CheckEmailNotice } from "@/components/auth/check-email-notice";
import { TimeZoneSelect } from "@/components/time-zone-select";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldError, formError, typedValue } from "@/components/ui/form-state";

export function SignUpForm() {
  const [state, action] = useActionState(signUpAction, null);
  // The same answer whether or not the address already has an account.
  if (state?.ok) return <CheckEmailNotice state={state} />;
  return (
    <form action={action} noValidate className="space-y-4">
      <FormAlert message={formError(state)} />
      <TextField label="Your name" name="name" autoComplete="name" required defaultValue={typedValue(state, "name")} error={fieldError(state, "name")} />
      <TextField
        label="Practice name"
        name="practiceName"
        autoComplete="organization"
        required
        defaultValue={typedValue(state, "practiceName")}
        error={fieldError(state, "practiceName")}
      />
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
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters. A short sentence is easy to remember."
        required
        error={fieldError(state, "password")}
      />
      <TimeZoneSelect label="Your time zone" name="timeZone" defaultValue={typedValue(state, "timeZone")} error={fieldError(state, "timeZone")} />
      <SubmitButton pendingLabel="Creating your practice…" className="w-full">
        Create practice
      </SubmitButton>
    </form>
  );
}
