import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";

/** The signed-in client's reminder setting and the zone it is read in. */
export async function getReminderPreference(caller: { clientId: string; userId: string }) {
  const client = await db.client.findFirst({
    where: { id: caller.clientId, userId: caller.userId },
    select: { reminderTime: true, timeZone: true },
  });
  if (!client) throw notFound();
  return client;
}
