"use server";

import { headers } from "next/headers";
import { after } from "next/server";
import { CHECK_EMAIL } from "@/lib/accounts/check-email";
import { linkBase } from "@/lib/accounts/link-base";
import { requestClientAccount } from "@/lib/accounts/request-client-account";
import { failureFrom, validationFailure, type ActionResult, type FormState } from "@/lib/actions/result";
import { clientAddressFrom } from "@/lib/http/client-address";
import { deliverQueued } from "@/lib/mail/send-mail";
import { acceptInvitationSchema } from "@/lib/validations/auth";

export async function acceptInvitationAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  const parsed = acceptInvitationSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return validationFailure(parsed.error);
  try {
    const address = clientAddressFrom(await headers());
    const message = await requestClientAccount(parsed.data, { address, base: await linkBase() });
    if (message) after(() => deliverQueued(message));
  } catch (error) {
    return failureFrom(error);
  }
  return { ok: true, message: CHECK_EMAIL };
}
