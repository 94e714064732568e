import type { Metadata } from "next";
import { AcceptInvitationForm } from "@/components/auth/accept-invitation-form";
import { UnusableLink } from "@/components/auth/unusable-link";
import { Card } from "@/components/ui/card";
import { inspectInvitation, type InvitationState } from "@/lib/invitations/inspect-invitation";

export const metadata: Metadata = { title: "Your invitation" };

const unusable: Record<Exclude<InvitationState["status"], "valid">, { title: string; body: string }> = {
  invalid: {
    title: "This link doesn’t work",
    body: "The invitation link may be incomplete. Try opening it again from the message you received, or ask your therapist for a new one.",
  },
  expired: {
    title: "This invitation has expired",
    body: "Invitation links work for 7 days. Please ask your therapist to send you a new one.",
  },
  used: {
    title: "This invitation was already used",
    body: "Each link works once. If you set your password already, sign in with your email and password.",
  },
  revoked: {
    title: "This invitation is no longer active",
    body: "Your therapist has sent a newer link or closed this invitation. Please use the newest link, or ask them for one.",
  },
};

export default async function InvitationPage({ params }: PageProps<"/invite/[token]">) {
  const { token } = await params;
  const state = await inspectInvitation(token);

  if (state.status !== "valid") {
    return <UnusableLink {...unusable[state.status]} next={{ href: "/sign-in", label: "Go to sign in" }} />;
  }

  return (
    <Card>
      <h1 className="text-xl font-semibold">Welcome, {state.clientName}</h1>
      <p className="mt-2 text-stone-700">
        {state.therapistName} at {state.practiceName} has invited you to Trellis, a private space for the exercises you
        work on between sessions.
      </p>
      <p className="mt-2 text-sm text-stone-600">
        You’ll sign in with <strong className="font-semibold text-stone-800">{state.email}</strong>.
      </p>
      <div className="mt-5">
        <AcceptInvitationForm token={token} email={state.email} />
      </div>
    </Card>
  );
}
