import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { ReminderPreference } from "@/lib/validations/reminders";

/** Switches the signed-in client's own reminder on (at a local time) or off. */
export async function updateReminderPreference(
  caller: { clientId: string; userId: string },
  input: ReminderPreference,
): Promise<ReminderPreference> {
  // Scoped by both ids, so a client id alone can never change someone else's setting.
  const updated = await db.client.updateMany({
    where: { id: caller.clientId, userId: caller.userId, status: "ACTIVE" },
    data: { reminderTime: input.reminderTime },
  });
  if (updated.count !== 1) throw notFound();
  return { reminderTime: input.reminderTime };
}
