import "server-only";
import type { ClientScope } from "@/lib/homework/client-scope";
import { db } from "@/lib/db";

/**
 * The client's own next session (not cancelled, not yet over), for the
 * portal: when, and nothing else (never a note, never who else is booked).
 */
export async function getNextSessionForClient(scope: Pick<ClientScope, "clientId" | "practiceId">, now: Date = new Date()) {
  // A session counts until it ends; the longest is 8 hours.
  const rows = await db.therapySession.findMany({
    where: { clientId: scope.clientId, practiceId: scope.practiceId, cancelledAt: null, startsAt: { gt: new Date(now.getTime() - 8 * 3_600_000) } },
    orderBy: { startsAt: "asc" },
    take: 3,
    select: { startsAt: true, durationMinutes: true },
  });
  return rows.find((row) => row.startsAt.getTime() + row.durationMinutes * 60_000 > now.getTime()) ?? null;
}
