"use server";

import { redirect } from "next/navigation";
import { changePassword } from "@/lib/accounts/change-password";
import { signedInAction } from "@/lib/actions/define-action";
import type { ActionResult, FormState } from "@/lib/actions/result";
import { changePasswordSchema } from "@/lib/validations/auth";

/**
 * Changing the password revokes every other session of this user on the
 * server; the one making the change stays signed in.
 */
export async function changePasswordAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return changeOwnPassword(formData);
}

const changeOwnPassword = signedInAction(changePasswordSchema, async ({ identity }, data): Promise<ActionResult> => {
  await changePassword({ userId: identity.userId, sessionId: identity.sessionId }, data);
  const accountPath = identity.role === "THERAPIST" ? "/account" : "/portal/account";
  redirect(`${accountPath}?changed=1`);
});
