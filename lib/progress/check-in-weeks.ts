import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { LocalDate } from "@/lib/dates/local-date";
import { metricKey } from "@/lib/exercises/measurements";
import { toCount, toNumber } from "./series";

// The weekly trust check-in's numbers. Higher is better for the first three;
// for worry and times checked, higher is worse (charts word both neutrally).
const CHECK_IN = "weekly-trust-check-in";

export const CHECK_IN_METRICS = [
  { key: "predictability", metric: metricKey(CHECK_IN, "predictability"), label: "Predictability" },
  { key: "reliability", metric: metricKey(CHECK_IN, "reliability"), label: "Reliability" },
  { key: "emotionalSafety", metric: metricKey(CHECK_IN, "emotional_safety"), label: "Emotional safety" },
  { key: "worry", metric: metricKey(CHECK_IN, "worry"), label: "Worry" },
  { key: "timesChecked", metric: metricKey(CHECK_IN, "times_checked"), label: "Times checked" },
] as const;

export type CheckInKey = (typeof CHECK_IN_METRICS)[number]["key"];
export type CheckInValues = Record<CheckInKey, number | null>;

export const EMPTY_CHECK_IN: CheckInValues = { predictability: null, reliability: null, emotionalSafety: null, worry: null, timesChecked: null };

export type CheckInWeekRow = { clientId: string; period: LocalDate; entries: number; values: CheckInValues };

type RawRow = {
  clientId: string;
  period: string;
  entries: unknown;
  predictability: unknown;
  reliability: unknown;
  emotionalSafety: unknown;
  worry: unknown;
  timesChecked: unknown;
};

/**
 * Weekly means of each check-in metric for one or two clients (a couple),
 * grouped in SQL over the (clientId, metric, recordedOn) index. Only weeks
 * with entries come back. Weeks start on Monday; the date is cast to a
 * timestamp first so date_trunc cannot pick up the session's time zone.
 */
export async function queryCheckInWeeks(
  clientIds: readonly string[],
  practiceId: string,
  window: { from: LocalDate | null; today: LocalDate },
): Promise<CheckInWeekRow[]> {
  const [p, r, e, w, t] = CHECK_IN_METRICS.map((entry) => entry.metric) as [string, string, string, string, string];
  const rows = await db.$queryRaw<RawRow[]>`
    SELECT "clientId",
           to_char(date_trunc('week', "recordedOn"::timestamp), 'YYYY-MM-DD') AS period,
           count(DISTINCT "submissionId")::int AS entries,
           round(avg(value) FILTER (WHERE metric = ${p})::numeric, 2)::float8 AS predictability,
           round(avg(value) FILTER (WHERE metric = ${r})::numeric, 2)::float8 AS reliability,
           round(avg(value) FILTER (WHERE metric = ${e})::numeric, 2)::float8 AS "emotionalSafety",
           round(avg(value) FILTER (WHERE metric = ${w})::numeric, 2)::float8 AS worry,
           round(avg(value) FILTER (WHERE metric = ${t})::numeric, 2)::float8 AS "timesChecked"
    FROM "Measurement"
    WHERE "clientId" IN (${Prisma.join(clientIds)})
      AND "practiceId" = ${practiceId}
      AND metric IN (${Prisma.join([p, r, e, w, t])})
      AND "recordedOn" >= COALESCE(${window.from}::date, '-infinity'::date)
      AND "recordedOn" <= ${window.today}::date
    GROUP BY 1, 2
    ORDER BY 2, 1`;
  return rows.map((row) => ({
    clientId: row.clientId,
    period: row.period,
    entries: toCount(row.entries),
    values: {
      predictability: toNumber(row.predictability),
      reliability: toNumber(row.reliability),
      emotionalSafety: toNumber(row.emotionalSafety),
      worry: toNumber(row.worry),
      timesChecked: toNumber(row.timesChecked),
    },
  }));
}
