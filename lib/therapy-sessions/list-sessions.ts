import "server-only";
import type { TherapistScope } from "@/lib/clients/scope";
import { db } from "@/lib/db";

export type SessionItem = {
  id: string;
  startsAt: Date;
  durationMinutes: number;
  recurrence: "NONE" | "WEEKLY" | "FORTNIGHTLY";
  seriesId: string | null;
  cancelledAt: Date | null;
  hasNote: boolean;
};

/** How far back the sessions page lists past sessions. */
export const PAST_DAYS_LISTED = 120;

/**
 * A client's sessions from PAST_DAYS_LISTED ago onwards, oldest first, split
 * into past and upcoming (a session counts as upcoming until it ends). One
 * query, scoped through the client's primary clinician.
 */
export async function listClientSessions(scope: TherapistScope, clientId: string, now: Date = new Date()) {
  const rows = await db.therapySession.findMany({
    where: {
      clientId,
      practiceId: scope.practiceId,
      client: { therapistId: scope.therapistId },
      startsAt: { gte: new Date(now.getTime() - PAST_DAYS_LISTED * 86_400_000) },
    },
    orderBy: { startsAt: "asc" },
    select: { id: true, startsAt: true, durationMinutes: true, recurrence: true, seriesId: true, cancelledAt: true, note: { select: { id: true } } },
  });
  const items: SessionItem[] = rows.map(({ note, ...row }) => ({ ...row, hasNote: note !== null }));
  const ended = (item: SessionItem) => item.startsAt.getTime() + item.durationMinutes * 60_000 <= now.getTime();
  return { past: items.filter(ended).reverse(), upcoming: items.filter((item) => !ended(item)) };
}
