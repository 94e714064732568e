import "server-only";
import { db } from "@/lib/db";
import { addDays, toDbDate, type LocalDate } from "@/lib/dates/local-date";
import type { CaseloadScope } from "./scope";
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
 * Weekly trust scores for the whole caseload in one query on
 * MeasurementWeek, the weekly totals a trigger keeps per client and metric
 * (weeks start on Monday of the client's own calendar, in which measurements
 * are dated): at most ten weeks × three metrics of rows per client, whatever
 * their history, returned as one row per client. A week's score is the mean
 * of all its trust answers, so total / count summed over the three metrics.
 * The join to Client scopes the rows to the caller.
 */
export async function loadCheckInHistory(
  scope: CaseloadScope,
  clientIds: string[],
  utcToday: LocalDate,
): Promise<Map<string, CheckInHistory>> {
  const from = toDbDate(addDays(utcToday, -CHECK_IN_LOOKBACK_DAYS));
  const rows = await db.$queryRaw<({ clientId: string } & CheckInHistory)[]>`
    WITH weekly AS (
      SELECT w."clientId", w."weekStart" AS "week", (sum(w."total") / sum(w."count"))::float8 AS "score", max(w."lastAt") AS "at"
      FROM "MeasurementWeek" w
      JOIN "Client" c ON c."id" = w."clientId" AND c."practiceId" = ${scope.practiceId} AND c."therapistId" = ANY(${[...scope.therapistIds]}::text[])
      WHERE w."clientId" = ANY(${clientIds}::text[])
        AND w."metric" = ANY(${[...TRUST_METRICS]}::text[])
        AND w."weekStart" >= ${from}::date
      GROUP BY 1, 2
    )
    SELECT "clientId",
      array_agg("score" ORDER BY "week") AS "weeklyScores",
      (array_agg("at" ORDER BY "week" DESC))[1] AS "lastCheckInAt"
    FROM weekly
    GROUP BY "clientId"`;
  return new Map(rows.map(({ clientId, ...history }) => [clientId, history]));
}
