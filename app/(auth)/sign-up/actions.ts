"use server";

import { signIn } from "@/lib/auth/auth";
import { createTherapistAccount } from "@/lib/accounts/create-therapist-account";
import { failureFrom, formValues, validationFailure, type ActionResult, type FormState } from "@/lib/actions/result";
import { signUpSchema } from "@/lib/validations/auth";

export async function signUpAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData, ["password"]);
  const parsed = signUpSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return validationFailure(parsed.error, values);
  try {
    await createTherapistAccount(parsed.data);
  } catch (error) {
    return failureFrom(error, values);
  }
  await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: "/clients" });
  return { ok: true };
}
