import "server-only";
import { db } from "@/lib/db";
import { addDays, toDbDate, type LocalDate } from "@/lib/dates/local-date";
import { OVERDUE_WINDOW_DAYS } from "@/lib/homework/entry-rules";
import type { TherapistScope } from "@/lib/clients/scope";

/** Entries due this recently are read from the index range; older ones only when needed. */
const RECENT_DAYS = 35;

export type Activity = {
  /** The newest submittedAt, or null if they never submitted. */
  lastActivityAt: Date | null;
  /** When their account was made (the invitation accepted): where silence starts before a first entry. */
  joinedAt: Date | null;
};

/**
 * Last activity = the newest submittedAt per client, in one query, with the
 * date the client joined (read here so that no extra query is needed for it).
 *
 * There is no index on (clientId, status, submittedAt), so a plain
 * max(submittedAt) would read every submission a client ever made. Instead
 * it reads the entries due in the last five weeks (a range on the
 * (clientId, status, dueOn) index). That answer is exact when it is newer
 * than `trustAfter`: an entry due before the window could only be submitted
 * within its overdue window (lib/homework/entry-rules), plus a day either
 * side for time zones, so it cannot be newer. Only for a client with nothing
 * that recent does the subquery in the CASE read their full history, and
 * PostgreSQL evaluates it for those clients only.
 *
 * (Not covered: a log entry started as a draft more than five weeks before
 * it was submitted; logs are not limited to the overdue window.)
 */
export async function loadActivity(scope: TherapistScope, clientIds: string[], utcToday: LocalDate): Promise<Map<string, Activity>> {
  const recentFrom = addDays(utcToday, -RECENT_DAYS);
  const trustAfter = toDbDate(addDays(recentFrom, OVERDUE_WINDOW_DAYS + 2));
  const rows = await db.$queryRaw<({ clientId: string } & Activity)[]>`
    WITH recent AS (
      SELECT s."clientId", max(s."submittedAt") AS "at"
      FROM "Submission" s
      WHERE s."clientId" = ANY(${clientIds}::text[])
        AND s."practiceId" = ${scope.practiceId}
        AND s."status" = 'SUBMITTED'
        AND s."dueOn" >= ${toDbDate(recentFrom)}::date
      GROUP BY s."clientId"
    )
    SELECT c."id" AS "clientId",
      CASE WHEN r."at" >= ${trustAfter}::timestamp THEN r."at" ELSE (
        SELECT max(o."submittedAt") FROM "Submission" o
        WHERE o."clientId" = c."id" AND o."practiceId" = ${scope.practiceId} AND o."status" = 'SUBMITTED'
      ) END AS "lastActivityAt",
      u."createdAt" AS "joinedAt"
    FROM "Client" c
    LEFT JOIN "User" u ON u."id" = c."userId"
    LEFT JOIN recent r ON r."clientId" = c."id"
    WHERE c."id" = ANY(${clientIds}::text[]) AND c."practiceId" = ${scope.practiceId}`;
  return new Map(rows.map(({ clientId, ...activity }) => [clientId, activity]));
}
