import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";

/**
 * The signed-in client's reminder setting and the zone it is read in, with
 * the time their practice suggests (Practice.defaultReminderTime) for when
 * they have none yet. Reminders stay opt-in: the suggestion only fills the
 * time field.
 */
export async function getReminderPreference(caller: { clientId: string; userId: string }) {
  const client = await db.client.findFirst({
    where: { id: caller.clientId, userId: caller.userId },
    select: { reminderTime: true, timeZone: true, practice: { select: { defaultReminderTime: true } } },
  });
  if (!client) throw notFound();
  return { reminderTime: client.reminderTime, timeZone: client.timeZone, suggestedTime: client.practice.defaultReminderTime };
}
