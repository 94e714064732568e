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

/** Mondays from `from` to `to` inclusive (both Mondays). */
export function weeksBetween(from: LocalDate, to: LocalDate): LocalDate[] {
  const weeks: LocalDate[] = [];
  for (let week = from; week <= to; week = addDays(week, 7)) weeks.push(week);
  return weeks;
}

/** First days of the months from `from` to `to` inclusive (both first days). */
export function monthsBetween(from: LocalDate, to: LocalDate): LocalDate[] {
  const months: LocalDate[] = [];
  for (let month = from; month <= to; ) {
    months.push(month);
    const [year, monthNumber] = month.split("-").map(Number) as [number, number];
    month = monthNumber === 12 ? `${year + 1}-01-01` : `${year}-${String(monthNumber + 1).padStart(2, "0")}-01`;
  }
  return months;
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
