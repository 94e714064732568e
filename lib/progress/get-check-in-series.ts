import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { daysBetween, type LocalDate } from "@/lib/dates/local-date";
import { CHECK_IN_METRICS, EMPTY_CHECK_IN, queryCheckInWeeks, type CheckInKey, type CheckInValues } from "./check-in-weeks";
import { describeChange, formatScore } from "./describe-change";
import { loadSubject } from "./load-subject";
import { rangeWindow, type ChartPeriod } from "./range";
import { fillPeriods, toNumber, weeksBetween } from "./series";
import type { ProgressViewer } from "./viewer";

export type CheckInWeek = { week: LocalDate; entries: number } & CheckInValues;

/** The newest weekly value of one metric in the range, against the newest week at least four weeks before it. */
export type CheckInChange = {
  key: CheckInKey;
  label: string;
  latest: number;
  latestWeek: LocalDate;
  earlier: number | null;
  earlierWeek: LocalDate | null;
  /** Plain words for the text summary. */
  sentence: string;
};

export type CheckInSeries = {
  from: LocalDate | null;
  today: LocalDate;
  /** Every week from the range start (or the first check-in, for "all") to this week; a week without a check-in has nulls. */
  weeks: CheckInWeek[];
  /** Check-ins submitted in the range. */
  entries: number;
  changes: CheckInChange[];
};

const COMPARE_DAYS = 28;

/** Weekly trust check-in: means per week plus the latest values and their change against four weeks earlier. Two queries after the access check. */
export async function getCheckInSeries(viewer: ProgressViewer, range: ChartPeriod, now: Date = new Date()): Promise<CheckInSeries> {
  const subject = await loadSubject(viewer, now);
  const window = rangeWindow(range, subject.today);
  const [rows, changes] = await Promise.all([
    queryCheckInWeeks([subject.clientId], subject.practiceId, window),
    queryChanges(subject.clientId, subject.practiceId, window.from, window.today),
  ]);
  const weeks = fillPeriods(rows, (first) => weeksBetween(first, window.currentWeek), window.from, (week, row) => ({
    week,
    entries: row?.entries ?? 0,
    ...(row?.values ?? EMPTY_CHECK_IN),
  }));
  return { from: window.from, today: window.today, weeks, entries: rows.reduce((sum, row) => sum + row.entries, 0), changes };
}

type ChangeRow = { metric: string; latestWeek: string; latest: unknown; earlierWeek: string | null; earlier: unknown };

/**
 * For each metric: the newest week with a value inside the range, and the
 * newest week at least 28 days before that (which may lie before the range
 * start: "change against four weeks earlier" should not vanish on a short
 * range). Weekly means, grouped in SQL.
 */
async function queryChanges(clientId: string, practiceId: string, from: LocalDate | null, today: LocalDate): Promise<CheckInChange[]> {
  const rows = await db.$queryRaw<ChangeRow[]>`
    WITH weekly AS (
      SELECT metric, date_trunc('week', "recordedOn"::timestamp)::date AS week, avg(value) AS mean
      FROM "Measurement"
      WHERE "clientId" = ${clientId}
        AND "practiceId" = ${practiceId}
        AND metric IN (${Prisma.join(CHECK_IN_METRICS.map((entry) => entry.metric))})
        AND "recordedOn" <= ${today}::date
      GROUP BY 1, 2
    ), latest AS (
      SELECT DISTINCT ON (metric) metric, week, mean
      FROM weekly
      WHERE week >= COALESCE(${from}::date, '-infinity'::date)
      ORDER BY metric, week DESC
    )
    SELECT latest.metric,
           to_char(latest.week, 'YYYY-MM-DD') AS "latestWeek",
           round(latest.mean::numeric, 2)::float8 AS latest,
           to_char(earlier.week, 'YYYY-MM-DD') AS "earlierWeek",
           round(earlier.mean::numeric, 2)::float8 AS earlier
    FROM latest
    LEFT JOIN LATERAL (
      SELECT week, mean FROM weekly
      WHERE weekly.metric = latest.metric AND weekly.week <= latest.week - ${COMPARE_DAYS}::int
      ORDER BY week DESC
      LIMIT 1
    ) earlier ON true`;

  const byMetric = new Map(rows.map((row) => [row.metric, row]));
  return CHECK_IN_METRICS.flatMap(({ key, metric, label }) => {
    const row = byMetric.get(metric);
    const latest = toNumber(row?.latest);
    if (!row || latest === null) return [];
    const earlier = toNumber(row.earlier);
    const sentence =
      earlier === null || row.earlierWeek === null
        ? `${label} was ${formatScore(latest)} in the latest check-in, with nothing from four or more weeks earlier to compare it with.`
        : describeChange({ label, from: earlier, to: latest, weeks: daysBetween(row.earlierWeek, row.latestWeek) / 7 });
    return [{ key, label, latest, latestWeek: row.latestWeek, earlier, earlierWeek: row.earlierWeek, sentence }];
  });
}
