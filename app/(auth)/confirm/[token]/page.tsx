import type { Metadata } from "next";
import { ConfirmAccountForm } from "@/components/auth/confirm-account-form";
import { UnusableLink } from "@/components/auth/unusable-link";
import { Card } from "@/components/ui/card";
import { inspectAccountRequest, type AccountRequestState } from "@/lib/accounts/confirm-account";

export const metadata: Metadata = { title: "Confirm your e-mail address" };

const unusable: Record<Exclude<AccountRequestState["status"], "valid">, { title: string; body: string }> = {
  invalid: {
    title: "This link doesn’t work",
    body: "The link may be incomplete. Try opening it again from the message you received.",
  },
  expired: {
    title: "This link has expired",
    body: "Confirmation links work for 24 hours. Please start again; nothing was set up with the old link.",
  },
  used: {
    title: "This link was already used",
    body: "Each link works once. If you have confirmed your address already, sign in with your e-mail and password.",
  },
};

export default async function ConfirmAccountPage({ params }: PageProps<"/confirm/[token]">) {
  const { token } = await params;
  const state = await inspectAccountRequest(token);

  if (state.status !== "valid") {
    return <UnusableLink {...unusable[state.status]} next={{ href: "/sign-in", label: "Go to sign in" }} />;
  }

  return (
    <Card>
      <h1 className="text-xl font-semibold">Confirm your e-mail address</h1>
      <p className="mt-2 text-stone-700">
        {state.joining === "practice"
          ? "One last step to create your practice: enter the password you chose, and you’re in."
          : "One last step to join: enter the password you chose, and you’re in."}
      </p>
      <p className="mt-2 text-sm text-stone-600">
        You’ll sign in with <strong className="font-semibold text-stone-800">{state.email}</strong>.
      </p>
      <div className="mt-5">
        <ConfirmAccountForm token={token} email={state.email} />
      </div>
    </Card>
  );
}
