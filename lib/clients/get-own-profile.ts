import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";

/** The signed-in client's own record and who their therapist is. */
export async function getOwnProfile(caller: { clientId: string; userId: string }) {
  const profile = await db.client.findFirst({
    where: { id: caller.clientId, userId: caller.userId },
    select: { displayName: true, timeZone: true, therapist: { select: { name: true } }, practice: { select: { name: true } } },
  });
  if (!profile) throw notFound();
  return profile;
}
