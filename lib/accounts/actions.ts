"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { CHECK_EMAIL, PASSWORD_RESET_DONE, RESET_REQUESTED } from "@/lib/accounts/check-email";
import { confirmAccount } from "@/lib/accounts/confirm-account";
import { linkBase } from "@/lib/accounts/link-base";
import { requestPasswordReset, resetPassword } from "@/lib/accounts/password-reset";
import { requestClientAccount } from "@/lib/accounts/request-client-account";
import { requestTherapistAccount } from "@/lib/accounts/request-therapist-account";
import { publicAction } from "@/lib/actions/define-action";
import type { ActionResult, FormState } from "@/lib/actions/result";
import { signIn } from "@/lib/auth/auth";
import { clientAddressFrom } from "@/lib/http/client-address";
import { requestDelivery } from "@/lib/mail/send-mail";
import { acceptInvitationSchema, signUpSchema } from "@/lib/validations/auth";
import { confirmAccountSchema, forgotPasswordSchema, resetPasswordSchema } from "@/lib/validations/recovery";

// Signed-out visitors: creating an account, accepting an invitation,
// recovering a password. None of these answers tells whether an e-mail has an
// account.

export async function signUpAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return signUp(formData);
}

const signUp = publicAction(
  signUpSchema,
  async (_caller, data): Promise<ActionResult> => {
    const address = clientAddressFrom(await headers());
    const message = await requestTherapistAccount(data, { address, base: await linkBase() });
    // After the answer, so a slow mail server does not show which branch ran.
    if (message) requestDelivery();
    return { ok: true, message: CHECK_EMAIL };
  },
  { echo: { omit: ["password"] } },
);

export async function acceptInvitationAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return acceptInvitation(formData);
}

const acceptInvitation = publicAction(acceptInvitationSchema, async (_caller, data): Promise<ActionResult> => {
  const address = clientAddressFrom(await headers());
  const message = await requestClientAccount(data, { address, base: await linkBase() });
  if (message) requestDelivery();
  return { ok: true, message: CHECK_EMAIL };
});

export async function forgotPasswordAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return forgotPassword(formData);
}

const forgotPassword = publicAction(
  forgotPasswordSchema,
  async (_caller, data): Promise<ActionResult> => {
    const address = clientAddressFrom(await headers());
    const message = await requestPasswordReset(data, { address, base: await linkBase() });
    // After the answer, so a slow mail server does not show that an account exists.
    if (message) requestDelivery();
    return { ok: true, message: RESET_REQUESTED };
  },
  { echo: true, input: (formData) => ({ email: formData.get("email") }) },
);

export async function resetPasswordAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return resetPasswordWithToken(formData);
}

const resetPasswordWithToken = publicAction(
  resetPasswordSchema,
  async (_caller, data): Promise<ActionResult> => {
    await resetPassword(data, { address: clientAddressFrom(await headers()) });
    // No automatic sign-in: the person signs in with the new password (and their second factor, if they use one).
    return { ok: true, message: PASSWORD_RESET_DONE };
  },
  {
    input: (formData) => ({
      token: formData.get("token"),
      password: formData.get("password"),
      confirmPassword: formData.get("confirmPassword"),
    }),
  },
);

export async function confirmAccountAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return confirm(formData);
}

const confirm = publicAction(
  confirmAccountSchema,
  async (_caller, data): Promise<ActionResult> => {
    const account = await confirmAccount(data, { address: clientAddressFrom(await headers()) });
    const home = account.role === "CLIENT" ? "/portal" : "/clients";
    try {
      await signIn("credentials", { email: account.email, password: data.password, redirectTo: home });
    } catch (error) {
      // The account exists now; if signing in is refused (say, too many attempts), the sign-in page takes over.
      if (error instanceof AuthError) redirect(`/sign-in?next=${encodeURIComponent(home)}`);
      throw error;
    }
    return { ok: true };
  },
  { input: (formData) => ({ token: formData.get("token"), password: formData.get("password") }) },
);
