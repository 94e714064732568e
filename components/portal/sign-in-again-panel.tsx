"use client";

import { useEffect, useRef, useState } from "react";
import { reauthenticateAction } from "@/lib/sessions/reauthenticate-action";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";

/**
 * Shown when the session ended while the client was writing. Their text stays
 * on the page; this signs the same person back in (the e-mail is the one the
 * page was opened with and cannot be changed), then the waiting text is saved.
 */
export function SignInAgainPanel({ email, onSignedIn }: { email: string; onSignedIn: () => void }) {
  const [pending, setPending] = useState(false);
  const [needsCode, setNeedsCode] = useState(false);
  const [message, setMessage] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[] | undefined>>({});
  const passwordRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    passwordRef.current?.focus();
  }, []);
  useEffect(() => {
    if (needsCode) codeRef.current?.focus();
  }, [needsCode]);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = new FormData(event.currentTarget);
    setPending(true);
    setMessage(undefined);
    try {
      const result = await reauthenticateAction({
        email,
        password: form.get("password"),
        code: needsCode ? form.get("code") : undefined,
      });
      if (result.ok) {
        onSignedIn();
        return;
      }
      if (result.reason === "second_factor_required") setNeedsCode(true);
      setFieldErrors(result.fieldErrors);
      setMessage(result.message);
    } catch {
      setMessage("We couldn’t reach Trellis. Your answers are still here; please try again in a moment.");
    } finally {
      setPending(false);
    }
  }

  return (
    <section
      aria-labelledby="sign-in-again-title"
      data-testid="sign-in-again"
      className="fixed inset-x-0 bottom-0 z-30 border-t border-amber-300 bg-amber-50 px-4 py-4 shadow-lg sm:inset-x-auto sm:right-4 sm:bottom-4 sm:max-w-md sm:rounded-xl sm:border"
    >
      <h2 id="sign-in-again-title" className="text-lg font-semibold text-amber-950">
        You were signed out — sign in again to save
      </h2>
      <p className="mt-1 text-sm text-amber-950">
        Everything you wrote is still here on this screen. Sign in as {email} and we’ll save it straight away.
      </p>
      <form onSubmit={submit} noValidate className="mt-3 space-y-3">
        <FormAlert message={message} />
        <input type="hidden" name="email" value={email} autoComplete="username" />
        <TextField
          ref={passwordRef}
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={fieldErrors.password}
        />
        {needsCode ? (
          <TextField
            ref={codeRef}
            label="Code from your authenticator app"
            hint="Or one of your recovery codes."
            name="code"
            inputMode="text"
            autoComplete="one-time-code"
            required
            error={fieldErrors.code}
          />
        ) : null}
        <Button type="submit" disabled={pending} aria-disabled={pending} className="w-full">
          {pending ? "Signing in…" : "Sign in and save"}
        </Button>
      </form>
    </section>
  );
}
