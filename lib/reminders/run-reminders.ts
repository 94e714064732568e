// One pass of the reminder job (npm run jobs, or POST /api/jobs/reminders).
import "server-only";
import { db } from "@/lib/db";
import { toDbDate } from "@/lib/dates/local-date";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log/logger";
import { deliverDueMessages } from "@/lib/mail/deliver-outbox";
import { queueMessage, type QueuedMessage } from "@/lib/mail/send-mail";
import { isUniqueViolation } from "@/lib/prisma-errors";
import { findDueReminders, type DueReminder } from "./find-due-reminders";

export type ReminderRunCounts = {
  /** Clients with reminders switched on that were looked at. */
  considered: number;
  /** Reminders issued (queued in the outbox; handed to SMTP at the end of the run when configured). */
  sent: number;
  /** Reminders another, overlapping run had already claimed. */
  skipped: number;
};

export const REMINDER_SUBJECT = "You have homework waiting in Trellis";

/**
 * Privacy: an inbox may be shared or glanced at by a partner, so the message
 * says only that something is waiting, never the exercise, the note, the
 * therapist or the practice.
 */
export function reminderBody(appUrl: string): string {
  const portal = new URL("/portal", appUrl).toString();
  const account = new URL("/portal/account", appUrl).toString();
  return [
    "Hello,",
    "",
    "You have homework waiting in Trellis today.",
    "",
    `Open your portal: ${portal}`,
    "",
    `To change the time of these reminders or switch them off, visit ${account}`,
  ].join("\n");
}

export async function runReminders(options: { now?: Date } = {}): Promise<ReminderRunCounts> {
  const now = options.now ?? new Date();
  const { considered, due } = await findDueReminders(now);
  const body = reminderBody(getEnv().APP_URL ?? "http://localhost:3000");

  let sent = 0;
  let skipped = 0;
  for (const reminder of due) {
    const queued = await claimAndQueue(reminder, body);
    if (!queued) {
      skipped++;
      continue;
    }
    sent++;
  }
  // Delivery (with its retries) belongs to the outbox; a dead mail server
  // leaves the reminders queued, never un-issued.
  if (sent > 0) {
    await deliverDueMessages().catch((error: unknown) => log.error({ err: error }, "outbox delivery after reminders failed"));
  }
  return { considered, sent, skipped };
}

/**
 * The delivery row and the outbox row commit together, and SMTP runs only
 * after both: two overlapping runs both try the insert, the unique index on
 * (clientId, localDate) lets exactly one through, and the other skips. A
 * crash after the commit leaves the message in the outbox rather than
 * sending it twice.
 */
async function claimAndQueue(reminder: DueReminder, body: string): Promise<QueuedMessage | null> {
  try {
    return await db.$transaction(async (tx) => {
      await tx.reminderDelivery.create({
        data: { clientId: reminder.clientId, localDate: toDbDate(reminder.localDate) },
      });
      return queueMessage(
        { practiceId: reminder.practiceId, to: reminder.toAddress, subject: REMINDER_SUBJECT, body, kind: "homework-reminder" },
        tx,
      );
    });
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}
