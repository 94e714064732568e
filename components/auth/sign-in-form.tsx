"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { signInAction } from "@/lib/auth/actions";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldError, formError, typedValue } from "@/components/ui/form-state";

type Credentials = { email: string; password: string };

/**
 * Two steps when the account has two-step sign-in: email and password, then
 * a code. Between the steps the password lives only in this component's
 * memory (never in storage, the URL or the page), to be sent again with the
 * code; going back or leaving the page forgets it.
 */
export function SignInForm({ next }: { next?: string }) {
  const [state, dispatch] = useActionState(signInAction, null);
  const [credentials, setCredentials] = useState<Credentials | null>(null);
  const [recovery, setRecovery] = useState(false);
  const askCode = Boolean(state && !state.ok && state.secondFactor && credentials);

  function submit(formData: FormData) {
    if (askCode && credentials) {
      formData.set("email", credentials.email);
      formData.set("password", credentials.password);
    } else {
      setCredentials({ email: String(formData.get("email") ?? ""), password: String(formData.get("password") ?? "") });
      setRecovery(false);
    }
    dispatch(formData);
  }

  if (askCode && credentials) {
    return (
      <form action={submit} noValidate className="space-y-4" aria-label="Two-step sign-in">
        <FormAlert message={fieldError(state, "code") ? undefined : formError(state) || undefined} />
        <input type="hidden" name="next" value={next ?? "/"} />
        <p className="text-sm text-stone-700">
          Signing in as <span className="font-medium break-all">{credentials.email}</span>.
        </p>
        <TextField
          key={recovery ? "recovery" : "app"}
          label={recovery ? "Recovery code" : "Code from your authenticator app"}
          name="code"
          hint={recovery ? "One of the codes you saved, like abcde-12345. Each works once." : undefined}
          inputMode={recovery ? "text" : "numeric"}
          autoComplete="one-time-code"
          autoCapitalize="off"
          spellCheck={false}
          maxLength={40}
          required
          autoFocus
          error={fieldError(state, "code")}
          className={recovery ? "font-mono" : "font-mono tracking-widest"}
        />
        <SubmitButton pendingLabel="Checking…" className="w-full">
          Sign in
        </SubmitButton>
        <div className="flex flex-wrap justify-between gap-2">
          <Button variant="ghost" className="px-2" onClick={() => setRecovery(!recovery)}>
            {recovery ? "Use your authenticator app instead" : "Use a recovery code instead"}
          </Button>
          <Button variant="ghost" className="px-2" onClick={() => setCredentials(null)}>
            Use a different account
          </Button>
        </div>
      </form>
    );
  }

  return (
    <form action={submit} noValidate className="space-y-4">
      <FormAlert message={formError(state) || undefined} />
      <input type="hidden" name="next" value={next ?? "/"} />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        required
        defaultValue={credentials?.email ?? typedValue(state, "email")}
        error={fieldError(state, "email")}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={fieldError(state, "password")}
      />
      <SubmitButton pendingLabel="Signing in…" className="w-full">
        Sign in
      </SubmitButton>
      {/* After the button, so the keyboard goes email → password → Sign in. */}
      <p className="text-center text-sm">
        <Link href="/forgot-password" className="font-semibold text-brand-700 underline underline-offset-2">
          Forgot password?
        </Link>
      </p>
    </form>
  );
}
