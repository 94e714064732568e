// The e-mails of sign-up, joining from an invitation and password recovery.
// Plain text, and nothing about therapy or a practice: anyone who can see
// the mailbox can read them.
import type { MailMessage } from "./send-mail";
import { linkTo } from "@/lib/accounts/link-base";

type Addressed = { to: string; base: string };

const signOff = ["", "— Trellis"];

export function confirmSignUpMessage({ to, base, token }: Addressed & { token: string }): MailMessage {
  return {
    practiceId: null,
    to,
    kind: "account-confirm",
    subject: "Confirm your e-mail address for Trellis",
    body: [
      "Hello,",
      "",
      "To finish creating your Trellis account, open this link within 24 hours:",
      "",
      linkTo(base, `/confirm/${token}`),
      "",
      "If you did not ask for an account, you can ignore this message; nothing will be set up.",
      ...signOff,
    ].join("\n"),
  };
}

export function confirmInvitationMessage({ to, base, token }: Addressed & { token: string }): MailMessage {
  return {
    practiceId: null,
    to,
    kind: "account-confirm",
    subject: "Confirm your e-mail address for Trellis",
    body: [
      "Hello,",
      "",
      "You chose a password for Trellis a moment ago. To confirm that this address is yours and finish joining,",
      "open this link within 24 hours:",
      "",
      linkTo(base, `/confirm/${token}`),
      "",
      "If this wasn't you, you can ignore this message; nothing will be set up.",
      ...signOff,
    ].join("\n"),
  };
}

/** Sent instead of a confirmation when the address already has an account. */
export function existingAccountNote({ to, base }: Addressed): MailMessage {
  return {
    practiceId: null,
    to,
    kind: "account-exists",
    subject: "Someone tried to create a Trellis account with your address",
    body: [
      "Hello,",
      "",
      "Someone tried to create a Trellis account with this address. If it was you, sign in or reset your password:",
      "",
      `Sign in: ${linkTo(base, "/sign-in")}`,
      `Reset your password: ${linkTo(base, "/forgot-password")}`,
      "",
      "An address can have only one Trellis account. If you were invited to join with this address and already",
      "have an account, ask the person who invited you to use a different address.",
      "",
      "If it wasn't you, you can ignore this message; your account has not changed.",
      ...signOff,
    ].join("\n"),
  };
}

export function passwordResetMessage({ to, base, token }: Addressed & { token: string }): MailMessage {
  return {
    practiceId: null,
    to,
    kind: "password-reset",
    subject: "Reset your Trellis password",
    body: [
      "Hello,",
      "",
      "Someone asked to reset the password of the Trellis account for this address. To choose a new password,",
      "open this link within 30 minutes:",
      "",
      linkTo(base, `/reset-password/${token}`),
      "",
      "The link works once. If you didn't ask for this, you can ignore this message; your password stays as it is.",
      ...signOff,
    ].join("\n"),
  };
}
