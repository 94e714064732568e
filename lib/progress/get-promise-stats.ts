import "server-only";
import { db } from "@/lib/db";
import { addDays, type LocalDate } from "@/lib/dates/local-date";
import { metricKey } from "@/lib/exercises/measurements";
import { loadSubject } from "./load-subject";
import { rangeWindow, type ChartPeriod } from "./range";
import { fillPeriods, toCount, toNumber, weeksBetween } from "./series";
import type { ProgressViewer } from "./viewer";

/** yes = 1, partly = 0.5, no = 0 (lib/exercises/measurements.ts). */
const KEPT = metricKey("micro-promises", "kept");

export type PromiseDayStatus = "kept" | "partly" | "not_kept";

/** One calendar day with at least one entry (days without entries are absent). */
export type PromiseDay = { date: LocalDate; status: PromiseDayStatus; entries: number };

/** `keptRate` is the mean of kept values (0–1), so "partly" counts half; null for a week without entries. */
export type PromiseWeek = { week: LocalDate; keptRate: number | null; entries: number };

export type PromiseStats = {
  from: LocalDate | null;
  today: LocalDate;
  weeks: PromiseWeek[];
  days: PromiseDay[];
  keptRate: number | null;
  entries: number;
  /**
   * Fully kept days in a row ending today, or yesterday when today has no
   * entry yet (the day isn't over). Not limited by the range: a streak that
   * started before it is still the same streak. A "partly" day ends it.
   */
  currentStreak: number;
};

type RateRow = { day: string | null; week: string | null; rate: unknown; entries: unknown };
type StreakRow = { lastDay: string; length: unknown; loggedToday: boolean };

/** Micro-promises: weekly kept-rate, a per-day calendar and the current streak. Two queries after the access check. */
export async function getPromiseStats(viewer: ProgressViewer, range: ChartPeriod, now: Date = new Date()): Promise<PromiseStats> {
  const subject = await loadSubject(viewer, now);
  const window = rangeWindow(range, subject.today);

  const [rates, streaks] = await Promise.all([
    // One pass, three groupings: per day (calendar), per week (chart), and the whole range.
    db.$queryRaw<RateRow[]>`
      WITH kept AS (
        SELECT "recordedOn" AS day, date_trunc('week', "recordedOn"::timestamp)::date AS week, value
        FROM "Measurement"
        WHERE "clientId" = ${subject.clientId}
          AND "practiceId" = ${subject.practiceId}
          AND metric = ${KEPT}
          AND "recordedOn" >= COALESCE(${window.from}::date, '-infinity'::date)
          AND "recordedOn" <= ${window.today}::date
      )
      SELECT to_char(day, 'YYYY-MM-DD') AS day,
             to_char(week, 'YYYY-MM-DD') AS week,
             round(avg(value)::numeric, 4)::float8 AS rate,
             count(*)::int AS entries
      FROM kept
      GROUP BY GROUPING SETS ((day), (week), ())
      ORDER BY day, week`,
    // Runs of consecutive fully kept days (gaps and islands: day minus its
    // row number is constant along a run); only the newest run matters.
    db.$queryRaw<StreakRow[]>`
      WITH days AS (
        SELECT "recordedOn" AS day, avg(value) AS value
        FROM "Measurement"
        WHERE "clientId" = ${subject.clientId}
          AND "practiceId" = ${subject.practiceId}
          AND metric = ${KEPT}
          AND "recordedOn" <= ${window.today}::date
        GROUP BY 1
      ), runs AS (
        SELECT max(day) AS last_day, count(*)::int AS length
        FROM (SELECT day, day - (row_number() OVER (ORDER BY day))::int AS run FROM days WHERE value >= 1) kept_days
        GROUP BY run
      )
      SELECT to_char(last_day, 'YYYY-MM-DD') AS "lastDay",
             length,
             EXISTS (SELECT 1 FROM days WHERE day = ${window.today}::date) AS "loggedToday"
      FROM runs
      ORDER BY last_day DESC
      LIMIT 1`,
  ]);

  const weekRows = rates.flatMap((row) => (row.week !== null ? [{ ...row, period: row.week }] : []));
  const weeks = fillPeriods(weekRows, (first) => weeksBetween(first, window.currentWeek), window.from, (week, row) => ({
    week,
    keptRate: toNumber(row?.rate),
    entries: toCount(row?.entries),
  }));
  const days = rates.flatMap((row): PromiseDay[] =>
    row.day === null ? [] : [{ date: row.day, status: statusOf(toNumber(row.rate) ?? 0), entries: toCount(row.entries) }],
  );
  const total = rates.find((row) => row.day === null && row.week === null);
  return {
    from: window.from,
    today: window.today,
    weeks,
    days,
    keptRate: toNumber(total?.rate),
    entries: toCount(total?.entries),
    currentStreak: currentStreakOf(streaks[0], window.today),
  };
}

/** A day with two promises counts as kept only when both were kept. */
function statusOf(rate: number): PromiseDayStatus {
  if (rate >= 1) return "kept";
  if (rate <= 0) return "not_kept";
  return "partly";
}

function currentStreakOf(newest: StreakRow | undefined, today: LocalDate): number {
  if (!newest) return 0;
  const live = newest.lastDay === today || (newest.lastDay === addDays(today, -1) && !newest.loggedToday);
  return live ? toCount(newest.length) : 0;
}
