"use server";

import { headers } from "next/headers";
import { PASSWORD_RESET_DONE } from "@/lib/accounts/check-email";
import { resetPassword } from "@/lib/accounts/password-reset";
import { failureFrom, validationFailure, type ActionResult, type FormState } from "@/lib/actions/result";
import { clientAddressFrom } from "@/lib/http/client-address";
import { resetPasswordSchema } from "@/lib/validations/recovery";

export async function resetPasswordAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  const parsed = resetPasswordSchema.safeParse({
    token: formData.get("token"),
    password: formData.get("password"),
    confirmPassword: formData.get("confirmPassword"),
  });
  if (!parsed.success) return validationFailure(parsed.error);
  try {
    await resetPassword(parsed.data, { address: clientAddressFrom(await headers()) });
  } catch (error) {
    return failureFrom(error);
  }
  // No automatic sign-in: the person signs in with the new password (and their second factor, if they use one).
  return { ok: true, message: PASSWORD_RESET_DONE };
}
