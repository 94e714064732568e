import "server-only";
import { db } from "@/lib/db";
import type { LocalDate } from "@/lib/dates/local-date";
import { metricKey } from "@/lib/exercises/measurements";
import { loadSubject } from "./load-subject";
import { monthOf, rangeWindow, type ChartPeriod } from "./range";
import { fillPeriods, monthsBetween, toCount, toNumber } from "./series";
import type { ProgressViewer } from "./viewer";

/** How many of the nine signs of mistrust were ticked (0–9). */
const SIGNS = metricKey("signs-of-mistrust-self-check", "signs", "count");
export const SELF_CHECK_MAX = 9;

/** `score` is the month's mean (the self-check is monthly, but a month may hold two); null when none was done. */
export type SelfCheckMonth = { month: LocalDate; score: number | null; entries: number };

export type SelfCheckSeries = { from: LocalDate | null; today: LocalDate; months: SelfCheckMonth[]; entries: number };

type Row = { period: string; score: unknown; entries: unknown };

/** Self-check score per calendar month, from the range's first month (or the first self-check) to this month. One query after the access check. */
export async function getSelfCheckSeries(viewer: ProgressViewer, range: ChartPeriod, now: Date = new Date()): Promise<SelfCheckSeries> {
  const subject = await loadSubject(viewer, now);
  const window = rangeWindow(range, subject.today);
  const rows = await db.$queryRaw<Row[]>`
    SELECT to_char(date_trunc('month', "recordedOn"::timestamp), 'YYYY-MM-DD') AS period,
           round(avg(value)::numeric, 2)::float8 AS score,
           count(*)::int AS entries
    FROM "Measurement"
    WHERE "clientId" = ${subject.clientId}
      AND "practiceId" = ${subject.practiceId}
      AND metric = ${SIGNS}
      AND "recordedOn" >= COALESCE(${window.from}::date, '-infinity'::date)
      AND "recordedOn" <= ${window.today}::date
    GROUP BY 1
    ORDER BY 1`;
  const from = window.from === null ? null : monthOf(window.from);
  const months = fillPeriods(rows, (first) => monthsBetween(first, monthOf(window.today)), from, (month, row) => ({
    month,
    score: toNumber(row?.score),
    entries: toCount(row?.entries),
  }));
  return { from: window.from, today: window.today, months, entries: rows.reduce((sum, row) => sum + toCount(row.entries), 0) };
}
