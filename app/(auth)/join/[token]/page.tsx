import type { Metadata } from "next";
import { UnusableLink } from "@/components/auth/unusable-link";
import { JoinPracticeForm } from "@/components/practice/join-practice-form";
import { Card } from "@/components/ui/card";
import { inspectStaffInvitation, type StaffInvitationState } from "@/lib/practice/members/invitations";

export const metadata: Metadata = { title: "Join your practice" };

const unusable: Record<Exclude<StaffInvitationState["status"], "valid">, { title: string; body: string }> = {
  invalid: {
    title: "This link doesn’t work",
    body: "The invitation link may be incomplete. Try opening it again from the e-mail you received, or ask the practice for a new one.",
  },
  expired: {
    title: "This invitation has expired",
    body: "Invitation links work for 7 days. Please ask the practice to send you a new one.",
  },
  used: {
    title: "This invitation was already used",
    body: "Each link works once. If you joined already, sign in with your e-mail address and password.",
  },
  revoked: {
    title: "This invitation is no longer active",
    body: "The practice has sent a newer link or withdrawn this invitation. Please use the newest link, or ask them for one.",
  },
};

const roleWords = { OWNER: "an owner", CLINICIAN: "a clinician", SUPERVISOR: "a supervisor" } as const;

export default async function JoinPage({ params }: PageProps<"/join/[token]">) {
  const { token } = await params;
  const state = await inspectStaffInvitation(token);
  if (state.status !== "valid") {
    return <UnusableLink {...unusable[state.status]} next={{ href: "/sign-in", label: "Go to sign in" }} />;
  }
  return (
    <Card>
      <h1 className="text-xl font-semibold">Join {state.practiceName}</h1>
      <p className="mt-2 text-stone-700">
        {state.inviterName} has invited you to join {state.practiceName} on Trellis as {roleWords[state.practiceRole]}.
      </p>
      <p className="mt-2 text-sm text-stone-600">
        You’ll sign in with <strong className="font-semibold text-stone-800">{state.email}</strong>.
      </p>
      <div className="mt-5">
        <JoinPracticeForm token={token} email={state.email} name={state.name} />
      </div>
    </Card>
  );
}
