// Invitation e-mails. Privacy: a mailbox may be shared or glanced at, so a
// client's invitation names no therapist, practice or therapy, and no
// client's name appears in any of them. Staff invitations may name the
// practice and the colleague who invited them: that is work mail.
import { composeBodies } from "./compose";
import type { MailMessage } from "./send-mail";

const SIGN_OFF = "— Trellis";

/** To a client when their therapist adds them, and again when a new link is made. */
export function clientInvitationMessage({
  practiceId,
  to,
  link,
  expiresAt,
}: {
  practiceId: string;
  to: string;
  link: string;
  expiresAt: Date;
}): MailMessage {
  return {
    practiceId,
    to,
    kind: "client-invitation",
    subject: "Your invitation to Trellis",
    ...composeBodies([
      "Hello,",
      "You have been invited to set up your Trellis account. Open this link to choose a password:",
      { link },
      `The link works once and until ${formatExpiry(expiresAt)}. If it has run out, ask the person who invited you for a new one.`,
      "If you were not expecting this, you can ignore this message; nothing will be set up.",
      SIGN_OFF,
    ]),
  };
}

/** To a new colleague an owner invited (clinician or supervisor). */
export function staffInvitationMessage({
  practiceId = null,
  to,
  practiceName,
  inviterName,
  link,
}: {
  practiceId?: string | null;
  to: string;
  practiceName: string;
  inviterName: string;
  link: string;
}): MailMessage {
  return {
    practiceId,
    to,
    kind: "staff-invitation",
    subject: `${oneLine(inviterName)} invited you to ${oneLine(practiceName)} on Trellis`,
    ...composeBodies([
      "Hello,",
      `${oneLine(inviterName)} invited you to join ${oneLine(practiceName)} on Trellis. Open this link to choose your password:`,
      { link },
      "The link works once. If you were not expecting this, you can ignore this message; nothing will be set up.",
      SIGN_OFF,
    ]),
  };
}

/** Names go into a subject line: no line breaks, not endless. */
function oneLine(value: string): string {
  return value.replace(/\s+/g, " ").trim().slice(0, 120);
}

function formatExpiry(date: Date): string {
  // UTC with the zone named: the mail does not know the reader's time zone.
  return `${date.toLocaleString("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" })} UTC`;
}
