"use server";

import { changePassword } from "@/lib/accounts/change-password";
import { failureFrom, validationFailure, type ActionResult, type FormState } from "@/lib/actions/result";
import { changePasswordSchema } from "@/lib/validations/auth";
import { getIdentity } from "./session";
import { redirect } from "next/navigation";

/**
 * Changing the password revokes every other session of this user on the
 * server; the one making the change stays signed in.
 */
export async function changePasswordAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  const identity = await getIdentity();
  if (!identity) redirect("/sign-in?reason=signed-out");
  const parsed = changePasswordSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return validationFailure(parsed.error);
  try {
    await changePassword({ userId: identity.userId, sessionId: identity.sessionId }, parsed.data);
  } catch (error) {
    return failureFrom(error);
  }
  const accountPath = identity.role === "THERAPIST" ? "/account" : "/portal/account";
  redirect(`${accountPath}?changed=1`);
}
