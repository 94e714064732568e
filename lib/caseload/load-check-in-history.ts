import "server-only";
import { db } from "@/lib/db";
import { addDays, toDbDate, type LocalDate } from "@/lib/dates/local-date";
import type { TherapistScope } from "@/lib/clients/scope";
import { TRUST_METRICS } from "./trust-trend";

/** Ten weeks leaves room for the four weeks the trend needs even with a missed week or two. */
export const CHECK_IN_LOOKBACK_DAYS = 70;

export type CheckInHistory = {
  /** The trust score of each week with a check-in (lib/caseload/trust-trend), oldest first. */
  weeklyScores: number[];
  /**
   * The newest check-in of the newest week. Measurements are written in the
   * transaction that submits the entry, so this is its submission time.
   */
  lastCheckInAt: Date;
};

/**
 * Weekly trust scores for the whole caseload in one query on the
 * (clientId, metric, recordedOn) index: at most ten weeks × three metrics of
 * rows per client, whatever their history, grouped per client and week
 * (weeks start on Monday of the client's own calendar, in which measurements
 * are dated) and returned as one row per client.
 */
export async function loadCheckInHistory(
  scope: TherapistScope,
  clientIds: string[],
  utcToday: LocalDate,
): Promise<Map<string, CheckInHistory>> {
  const from = toDbDate(addDays(utcToday, -CHECK_IN_LOOKBACK_DAYS));
  // ::timestamp keeps date_trunc off its timestamptz overload, which would
  // bucket by the database session's time zone.
  const rows = await db.$queryRaw<({ clientId: string } & CheckInHistory)[]>`
    WITH weekly AS (
      SELECT m."clientId",
        date_trunc('week', m."recordedOn"::timestamp) AS "week",
        avg(m."value")::float8 AS "score",
        max(m."createdAt") AS "at"
      FROM "Measurement" m
      WHERE m."clientId" = ANY(${clientIds}::text[])
        AND m."practiceId" = ${scope.practiceId}
        AND m."metric" = ANY(${[...TRUST_METRICS]}::text[])
        AND m."recordedOn" >= ${from}::date
      GROUP BY 1, 2
    )
    SELECT "clientId",
      array_agg("score" ORDER BY "week") AS "weeklyScores",
      (array_agg("at" ORDER BY "week" DESC))[1] AS "lastCheckInAt"
    FROM weekly
    GROUP BY "clientId"`;
  return new Map(rows.map(({ clientId, ...history }) => [clientId, history]));
}
