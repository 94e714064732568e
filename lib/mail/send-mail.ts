// Every outgoing e-mail is written to the outbox first and only then handed
// to SMTP, so nothing is lost when SMTP is missing or down: without SMTP_URL
// the row simply stays unsent, where the practice can read it.
import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { db, type Tx } from "@/lib/db";
import { getEnv } from "@/lib/env";

export type MailMessage = {
  practiceId: string | null;
  to: string;
  subject: string;
  /** Plain text only. */
  body: string;
  /** What the message is for, e.g. "homework-reminder". */
  kind: string;
};

export type QueuedMessage = { id: string; toAddress: string; subject: string; body: string };

/** "sent": SMTP accepted it; "kept": no SMTP configured; "failed": SMTP refused (the error is on the row). */
export type DeliveryOutcome = "sent" | "kept" | "failed";

type OutboxWriter = Pick<Tx, "outboxMessage">;

/** Writes the message to the outbox; pass a transaction to make it part of a larger write. */
export function queueMessage(message: MailMessage, client: OutboxWriter = db): Promise<QueuedMessage> {
  return client.outboxMessage.create({
    data: {
      practiceId: message.practiceId,
      toAddress: message.to,
      subject: message.subject,
      body: message.body,
      kind: message.kind,
    },
    select: { id: true, toAddress: true, subject: true, body: true },
  });
}

/**
 * Sends a queued message when SMTP is configured and records the result on
 * its row. SMTP failures are recorded, not thrown: the caller has already
 * committed to this message (e.g. a reminder's once-a-day claim), and one
 * bad address must not stop a batch.
 */
export async function deliverQueued(message: QueuedMessage): Promise<DeliveryOutcome> {
  const { SMTP_URL, EMAIL_FROM } = getEnv();
  if (!SMTP_URL) {
    printForLocalDemo(message);
    return "kept";
  }
  try {
    await transporterFor(SMTP_URL).sendMail({
      from: EMAIL_FROM,
      to: message.toAddress,
      subject: message.subject,
      text: message.body,
    });
    await db.outboxMessage.update({ where: { id: message.id }, data: { sentAt: new Date(), error: null } });
    return "sent";
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await db.outboxMessage.update({ where: { id: message.id }, data: { error: reason.slice(0, 500) } });
    return "failed";
  }
}

let cached: { url: string; transporter: Transporter } | undefined;

function transporterFor(url: string): Transporter {
  if (cached?.url !== url) {
    // Bounded timeouts: a job run or a request must not hang on a dead mail server.
    const transporter = nodemailer.createTransport(url, {
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    cached = { url, transporter };
  }
  return cached.transporter;
}

/**
 * On the embedded demo (`npm start` without DATABASE_URL sets
 * TRELLIS_PRINT_UNSENT_MAIL=1) there is no SMTP, and account e-mails
 * (confirmation and reset links) are deliberately not in any practice's
 * Outbox. Printing them to the terminal of the person who started Trellis on
 * their own machine lets them finish a sign-up or an invitation. Never on a
 * deployment: there the variable is not set and mail needs SMTP_URL.
 */
function printForLocalDemo(message: QueuedMessage) {
  if (process.env.TRELLIS_PRINT_UNSENT_MAIL !== "1") return;
  console.log(`\n[trellis] E-mail (not sent: no SMTP_URL) to ${message.toAddress} — ${message.subject}\n${message.body}\n`);
}
