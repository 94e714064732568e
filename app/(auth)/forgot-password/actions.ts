"use server";

import { headers } from "next/headers";
import { after } from "next/server";
import { RESET_REQUESTED } from "@/lib/accounts/check-email";
import { linkBase } from "@/lib/accounts/link-base";
import { requestPasswordReset } from "@/lib/accounts/password-reset";
import { failureFrom, formValues, validationFailure, type ActionResult, type FormState } from "@/lib/actions/result";
import { clientAddressFrom } from "@/lib/http/client-address";
import { deliverQueued } from "@/lib/mail/send-mail";
import { forgotPasswordSchema } from "@/lib/validations/recovery";

export async function forgotPasswordAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData);
  const parsed = forgotPasswordSchema.safeParse({ email: formData.get("email") });
  if (!parsed.success) return validationFailure(parsed.error, values);
  try {
    const address = clientAddressFrom(await headers());
    const message = await requestPasswordReset(parsed.data, { address, base: await linkBase() });
    // After the answer, so a slow mail server does not show that an account exists.
    if (message) after(() => deliverQueued(message));
  } catch (error) {
    return failureFrom(error, values);
  }
  return { ok: true, message: RESET_REQUESTED };
}
