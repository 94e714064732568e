import "server-only";
import { db } from "@/lib/db";
import { relativeDay } from "@/lib/therapy-sessions/format";

export type SessionSoon = { startsAt: Date; day: "today" | "tomorrow" };

/**
 * "Session today / tomorrow" for the caseload rows on one page, in one query
 * whatever their number. The ids come from the caller-scoped caseload; the
 * practice is checked again here. Not part of the cached rows (sessions do
 * not bump Client.caseloadVersion, and "today" moves with the viewer's
 * clock), so it is read on every page view. Days are the viewer's.
 */
export async function loadNextSessions(
  scope: { practiceId: string },
  clientIds: readonly string[],
  viewerTimeZone: string,
  now: Date = new Date(),
): Promise<Map<string, SessionSoon>> {
  const soon = new Map<string, SessionSoon>();
  if (clientIds.length === 0) return soon;
  const rows = await db.therapySession.findMany({
    where: {
      practiceId: scope.practiceId,
      clientId: { in: [...clientIds] },
      cancelledAt: null,
      // Still running (8 hours is the longest session) up to the end of tomorrow anywhere.
      startsAt: { gt: new Date(now.getTime() - 8 * 3_600_000), lt: new Date(now.getTime() + 3 * 86_400_000) },
    },
    orderBy: { startsAt: "asc" },
    select: { clientId: true, startsAt: true, durationMinutes: true },
  });
  for (const row of rows) {
    if (soon.has(row.clientId) || row.startsAt.getTime() + row.durationMinutes * 60_000 <= now.getTime()) continue;
    const day = relativeDay(row.startsAt, viewerTimeZone, now);
    if (day) soon.set(row.clientId, { startsAt: row.startsAt, day });
  }
  return soon;
}
