"use server";

import { signIn } from "@/lib/auth/auth";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";
import { failureFrom, validationFailure, type ActionResult, type FormState } from "@/lib/actions/result";
import { acceptInvitationSchema } from "@/lib/validations/auth";

export async function acceptInvitationAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  const parsed = acceptInvitationSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return validationFailure(parsed.error);
  let email: string;
  try {
    ({ email } = await acceptInvitation(parsed.data));
  } catch (error) {
    return failureFrom(error);
  }
  await signIn("credentials", { email, password: parsed.data.password, redirectTo: "/portal" });
  return { ok: true };
}
