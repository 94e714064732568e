import type { Metadata } from "next";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { UnusableLink } from "@/components/auth/unusable-link";
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
    return <UnusableLink {...unusable[state.status]} next={{ href: "/forgot-password", label: "Ask for a new link" }} />;
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
