"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/auth";
import { confirmAccount } from "@/lib/accounts/confirm-account";
import { failureFrom, validationFailure, type ActionResult, type FormState } from "@/lib/actions/result";
import { clientAddressFrom } from "@/lib/http/client-address";
import { confirmAccountSchema } from "@/lib/validations/recovery";

export async function confirmAccountAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  const parsed = confirmAccountSchema.safeParse({ token: formData.get("token"), password: formData.get("password") });
  if (!parsed.success) return validationFailure(parsed.error);
  let account: Awaited<ReturnType<typeof confirmAccount>>;
  try {
    account = await confirmAccount(parsed.data, { address: clientAddressFrom(await headers()) });
  } catch (error) {
    return failureFrom(error);
  }
  const home = account.role === "CLIENT" ? "/portal" : "/clients";
  try {
    await signIn("credentials", { email: account.email, password: parsed.data.password, redirectTo: home });
  } catch (error) {
    // The account exists now; if signing in is refused (say, too many attempts), the sign-in page takes over.
    if (error instanceof AuthError) redirect(`/sign-in?next=${encodeURIComponent(home)}`);
    throw error;
  }
  return { ok: true };
}
