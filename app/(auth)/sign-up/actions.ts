"use server";

import { headers } from "next/headers";
import { after } from "next/server";
import { CHECK_EMAIL } from "@/lib/accounts/check-email";
import { linkBase } from "@/lib/accounts/link-base";
import { requestTherapistAccount } from "@/lib/accounts/request-therapist-account";
import { failureFrom, formValues, validationFailure, type ActionResult, type FormState } from "@/lib/actions/result";
import { clientAddressFrom } from "@/lib/http/client-address";
import { deliverQueued } from "@/lib/mail/send-mail";
import { signUpSchema } from "@/lib/validations/auth";

export async function signUpAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData, ["password"]);
  const parsed = signUpSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return validationFailure(parsed.error, values);
  try {
    const address = clientAddressFrom(await headers());
    const message = await requestTherapistAccount(parsed.data, { address, base: await linkBase() });
    // After the answer, so a slow mail server does not show which branch ran.
    if (message) after(() => deliverQueued(message));
  } catch (error) {
    return failureFrom(error, values);
  }
  return { ok: true, message: CHECK_EMAIL };
}
