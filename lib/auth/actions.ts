"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { publicAction, publicCommand } from "@/lib/actions/define-action";
import { validationFailure, type ActionResult } from "@/lib/actions/result";
import { clientAddressFrom } from "@/lib/http/client-address";
import { endCurrentSession } from "@/lib/sessions/end-sessions";
import { secondFactorCodeField } from "@/lib/two-factor/schemas";
import { signInSchema } from "@/lib/validations/auth";
import { signIn, signOut } from "./auth";
import { safeRedirectPath } from "./safe-redirect";
import { getIdentity } from "./session";

const GENERIC = "That email and password don’t match an account. Check them and try again.";
const RATE_LIMITED = "Too many attempts. For your safety, please wait 15 minutes and try again.";
const WRONG_CODE = "That code didn’t work. Try the newest code from your app, or a recovery code you haven’t used.";

/** `secondFactor`: the password was right and the form should ask for a code. */
export type SignInResult = ActionResult & { secondFactor?: boolean };
export type SignInState = SignInResult | null;

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInResult> {
  return signInWithPassword(formData);
}

const signInWithPassword = publicAction(
  signInSchema,
  async ({ formData, values }, credentials): Promise<SignInResult> => {
    // Present only on the second step, after the password was accepted.
    const typedCode = formData.get("code");
    const secondStep = typeof typedCode === "string";
    let code: string | undefined;
    if (secondStep) {
      const checked = secondFactorCodeField.safeParse(typedCode);
      if (!checked.success) {
        return { ...validationFailure(checked.error, values), fieldErrors: { code: checked.error.issues.map((issue) => issue.message) }, secondFactor: true };
      }
      code = checked.data;
    }

    try {
      await signIn("credentials", { ...credentials, ...(code ? { code } : {}), redirectTo: safeRedirectPath(formData.get("next")) });
    } catch (error) {
      if (error instanceof AuthError) {
        const reason = error.type === "CredentialsSignin" ? (error as { code?: string }).code : undefined;
        if (reason === "second_factor_required") return { ok: false, message: "", fieldErrors: {}, values, secondFactor: true };
        if (reason === "rate_limited") return { ok: false, message: RATE_LIMITED, fieldErrors: {}, values, secondFactor: secondStep };
        if (secondStep) return { ok: false, message: WRONG_CODE, fieldErrors: { code: [WRONG_CODE] }, values, secondFactor: true };
        return { ok: false, message: GENERIC, fieldErrors: {}, values };
      }
      throw error;
    }
    return { ok: true };
  },
  {
    echo: { omit: ["password", "code"] },
    input: (formData) => ({ email: formData.get("email"), password: formData.get("password") }),
  },
);

/**
 * Ends the server-side session first, so the cookie is dead everywhere even
 * if a copy of it survives (another tab's request in flight, a stolen copy),
 * then lets next-auth clear the cookie in this browser.
 */
export async function signOutAction() {
  await endSessionAndSignOut();
}

const endSessionAndSignOut = publicCommand(async () => {
  const identity = await getIdentity();
  if (identity) await endCurrentSession(identity, clientAddressFrom(await headers()));
  await signOut({ redirectTo: "/sign-in" });
});
