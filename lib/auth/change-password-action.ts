"use server";

import { changePassword } from "@/lib/accounts/change-password";
import { failureFrom, validationFailure, type ActionResult, type FormState } from "@/lib/actions/result";
import { changePasswordSchema } from "@/lib/validations/auth";
import { signIn } from "./auth";
import { getIdentity } from "./session";
import { redirect } from "next/navigation";

/**
 * Changing the password bumps the session version, which ends every session
 * of this user, including this one; this session is then renewed by signing
 * in again with the new password, so only the other devices are signed out.
 */
export async function changePasswordAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  const identity = await getIdentity();
  if (!identity) redirect("/sign-in?reason=signed-out");
  const parsed = changePasswordSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return validationFailure(parsed.error);
  let email: string;
  try {
    ({ email } = await changePassword({ userId: identity.userId }, parsed.data));
  } catch (error) {
    return failureFrom(error);
  }
  const accountPath = identity.role === "THERAPIST" ? "/account" : "/portal/account";
  await signIn("credentials", { email, password: parsed.data.newPassword, redirectTo: `${accountPath}?changed=1` });
  return { ok: true };
}
