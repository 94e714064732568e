"use client";

import { NewPasswordFields } from "@/components/auth/new-password-fields";
import Link from "next/link";
import { useActionState } from "react";
import { joinPracticeAction } from "@/lib/practice/actions";
import { TimeZoneSelect } from "@/components/time-zone-select";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/field";
import { fieldError, formError, typedValue } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";

export function JoinPracticeForm({ token, email, name }: { token: string; email: string; name: string }) {
  const [state, action] = useActionState(joinPracticeAction, null);
  if (state?.ok) {
    return (
      <div className="space-y-4">
        <FormAlert tone="success" message={state.message} />
        <Link href="/sign-in" className="inline-block font-semibold text-brand-700 underline underline-offset-2">
          Go to sign in
        </Link>
      </div>
    );
  }
  return (
    <form action={action} noValidate className="space-y-4">
      <FormAlert message={formError(state)} />
      <input type="hidden" name="token" value={token} />
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField
        label="Your name"
        name="name"
        autoComplete="name"
        defaultValue={typedValue(state, "name") ?? name}
        hint="As your clients and colleagues will see it."
        required
        error={fieldError(state, "name")}
      />
      <TimeZoneSelect label="Your time zone" name="timeZone" defaultValue={typedValue(state, "timeZone")} error={fieldError(state, "timeZone")} />
      <NewPasswordFields state={state} />
      <SubmitButton pendingLabel="Joining…" className="w-full">
        Join the practice
      </SubmitButton>
    </form>
  );
}
