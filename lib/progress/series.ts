import "server-only";
import { addDays, type LocalDate } from "@/lib/dates/local-date";

/**
 * Raw SQL rows come back with driver types: counts as bigint unless cast,
 * numeric as a Decimal. Every query here casts to int / float8 / text, and
 * this keeps a stray type from leaking into a chart as NaN.
 */
export function toNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "bigint") return Number(value);
  const parsed = Number(String(value));
  return Number.isFinite(parsed) ? parsed : null;
}

export function toCount(value: unknown): number {
  return toNumber(value) ?? 0;
}

// A chart never has more periods than this (13 years of days). A window that
// would have more comes from a bad date: an error to report, not a loop that
// holds the server.
const MOST_PERIODS = 5_000;

function periodsBetween(from: LocalDate, to: LocalDate, next: (period: LocalDate) => LocalDate): LocalDate[] {
  const periods: LocalDate[] = [];
  for (let period = from; period <= to; ) {
    periods.push(period);
    const following = next(period);
    if (following <= period || periods.length > MOST_PERIODS) throw new Error(`No chart periods from ${from} to ${to}: too many, or dates out of range`);
    period = following;
  }
  return periods;
}

/** Days from `from` to `to` inclusive. */
export function datesBetween(from: LocalDate, to: LocalDate): LocalDate[] {
  return periodsBetween(from, to, (day) => addDays(day, 1));
}

/** Mondays from `from` to `to` inclusive (both Mondays). */
export function weeksBetween(from: LocalDate, to: LocalDate): LocalDate[] {
  return periodsBetween(from, to, (week) => addDays(week, 7));
}

/** First days of the months from `from` to `to` inclusive (both first days). */
export function monthsBetween(from: LocalDate, to: LocalDate): LocalDate[] {
  return periodsBetween(from, to, (month) => {
    const [year, monthNumber] = month.split("-").map(Number) as [number, number];
    return monthNumber === 12 ? `${String(year + 1).padStart(4, "0")}-01-01` : `${month.slice(0, 4)}-${String(monthNumber + 1).padStart(2, "0")}-01`;
  });
}

/**
 * Lays grouped rows (only periods that had entries) onto every period from
 * the range start — or, for "all", the first period with data — to the
 * current one. A period without entries is present, with `empty(period)`'s
 * values (null averages, zero counts), so a chart's time axis stays honest
 * and a table can say "no entry" for that week.
 */
export function fillPeriods<Row extends { period: LocalDate }, Point>(
  rows: readonly Row[],
  periods: (first: LocalDate) => LocalDate[],
  from: LocalDate | null,
  toPoint: (period: LocalDate, row: Row | undefined) => Point,
): Point[] {
  const first = from ?? rows.reduce<LocalDate | null>((min, row) => (min === null || row.period < min ? row.period : min), null);
  if (first === null) return [];
  const byPeriod = new Map(rows.map((row) => [row.period, row]));
  return periods(first).map((period) => toPoint(period, byPeriod.get(period)));
}
