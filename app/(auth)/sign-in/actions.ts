"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth/auth";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { formValues, validationFailure, type ActionResult, type FormState } from "@/lib/actions/result";
import { signInSchema } from "@/lib/validations/auth";

const GENERIC = "That email and password don’t match an account. Check them and try again.";
const RATE_LIMITED = "Too many attempts. For your safety, please wait 15 minutes and try again.";

export async function signInAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData, ["password"]);
  const parsed = signInSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return validationFailure(parsed.error, values);

  try {
    await signIn("credentials", {
      ...parsed.data,
      redirectTo: safeRedirectPath(formData.get("next")),
    });
  } catch (error) {
    if (error instanceof AuthError) {
      const limited = error.type === "CredentialsSignin" && (error as { code?: string }).code === "rate_limited";
      return { ok: false, message: limited ? RATE_LIMITED : GENERIC, fieldErrors: {}, values };
    }
    throw error;
  }
  return { ok: true };
}
