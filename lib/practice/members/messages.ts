// The e-mails of joining a practice and of a client's change of clinician.
// Plain text and content-free: the practice's and the colleague's names, a
// link, nothing about any client.
import type { MailMessage } from "@/lib/mail/send-mail";

// Not lib/accounts/link-base's linkTo: that module imports next/headers at
// its top, which seeds and Playwright fixtures (plain Node) cannot load.
function linkTo(base: string, path: string): string {
  return new URL(path.replace(/^\//, ""), base.endsWith("/") ? base : `${base}/`).toString();
}

const signOff = ["", "— Trellis"];

const roleWords = { CLINICIAN: "a clinician", SUPERVISOR: "a supervisor", OWNER: "an owner" } as const;

type Invite = { practiceId: string; to: string; practiceName: string; inviterName: string; role: keyof typeof roleWords };

/** What both invitation e-mails start with: who invites whom to which practice. */
function invitation(invite: Invite, lines: string[]): MailMessage {
  return {
    practiceId: invite.practiceId,
    to: invite.to,
    kind: "staff-invitation",
    subject: `You're invited to join ${invite.practiceName} on Trellis`,
    body: [
      "Hello,",
      "",
      `${invite.inviterName} has invited you to join ${invite.practiceName} on Trellis as ${roleWords[invite.role]}.`,
      ...lines,
      ...signOff,
    ].join("\n"),
  };
}

export function staffInvitationMessage({ base, token, ...invite }: Invite & { base: string; token: string }): MailMessage {
  return invitation(invite, [
    "To choose your password and join, open this link within 7 days:",
    "",
    linkTo(base, `/join/${token}`),
    "",
    "The link works once. If you weren't expecting this, you can ignore this message.",
  ]);
}

/**
 * Sent instead of a link when the address already has a Trellis account: one
 * address is one account, so it cannot join a second time. The owner sees
 * "Invitation sent" either way, so nobody learns who has an account.
 */
export function staffInvitationExistingAccountMessage({ base, ...invite }: Invite & { base: string }): MailMessage {
  return invitation(invite, [
    "This address already has a Trellis account, and one address can belong to one account only, so the",
    "invitation can't create another. Please ask them to invite a different address, or sign in as usual at:",
    "",
    linkTo(base, "/sign-in"),
  ]);
}

/**
 * Tells a client there is news in their account when they are handed over.
 * Content-free on purpose, like the invitation: a partner reading the same
 * mailbox must not learn that they see a therapist, where, or whom. The
 * portal shows the new clinician's name once they sign in.
 */
export function clinicianChangedMessage(args: { practiceId: string; to: string; practiceName: string; clinicianName: string; base: string }): MailMessage {
  return {
    practiceId: args.practiceId,
    to: args.to,
    kind: "clinician-changed",
    subject: "There's an update in your Trellis account",
    body: [
      "Hello,",
      "",
      "There's an update in your Trellis account. Sign in to see it; everything you have written stays as it is:",
      "",
      linkTo(args.base, "/sign-in"),
      ...signOff,
    ].join("\n"),
  };
}
