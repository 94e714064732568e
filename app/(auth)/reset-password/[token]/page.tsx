import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { Card } from "@/components/ui/card";
import { inspectPasswordReset, type PasswordResetState } from "@/lib/accounts/password-reset";

export const metadata: Metadata = { title: "Choose a new password" };

const unusable: Record<Exclude<PasswordResetState["status"], "valid">, { title: string; body: string }> = {
  invalid: {
    title: "This link doesn’t work",
    body: "The link may be incomplete. Try opening it again from the message you received, or ask for a new one.",
  },
  expired: {
    title: "This link has expired",
    body: "Reset links work for 30 minutes. Please ask for a new one; your password has not changed.",
  },
  used: {
    title: "This link was already used",
    body: "Each reset link works once, and a newer link replaces an older one. If you need to, ask for a new one.",
  },
};

export default async function ResetPasswordPage({ params }: PageProps<"/reset-password/[token]">) {
  const { token } = await params;
  const state = await inspectPasswordReset(token);

  if (state.status !== "valid") {
    const copy = unusable[state.status];
    return (
      <Card>
        <h1 className="text-xl font-semibold">{copy.title}</h1>
        <p className="mt-3 text-stone-700">{copy.body}</p>
        <Link href="/forgot-password" className="mt-6 inline-block font-semibold text-brand-700 underline underline-offset-2">
          Ask for a new link
        </Link>
      </Card>
    );
  }

  return (
    <Card>
      <h1 className="text-xl font-semibold">Choose a new password</h1>
      <p className="mt-1 text-sm text-stone-600">Once it’s changed, you’ll be signed out on every device.</p>
      <div className="mt-5">
        <ResetPasswordForm token={token} />
      </div>
    </Card>
  );
}
