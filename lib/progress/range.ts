import "server-only";
import { addDays, weekdayOf, type LocalDate } from "@/lib/dates/local-date";

export const PROGRESS_RANGES = ["4w", "12w", "all"] as const;
export type ProgressRange = (typeof PROGRESS_RANGES)[number];
export const DEFAULT_RANGE: ProgressRange = "12w";

export const RANGE_LABELS: Record<ProgressRange, string> = { "4w": "4 weeks", "12w": "12 weeks", all: "All time" };

const WEEKS_SHOWN: Record<ProgressRange, number | null> = { "4w": 4, "12w": 12, all: null };

/** A `?range=` value from the address bar; anything unknown falls back to the default. */
export function parseRange(value: unknown): ProgressRange {
  const first = Array.isArray(value) ? value[0] : value;
  return PROGRESS_RANGES.find((range) => range === first) ?? DEFAULT_RANGE;
}

/** The Monday that starts the week of `date` (weeks run Monday to Sunday, like PostgreSQL's date_trunc('week')). */
export function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, -((weekdayOf(date) + 6) % 7));
}

/** The first day of the month of `date`. */
export function monthOf(date: LocalDate): LocalDate {
  return `${date.slice(0, 7)}-01`;
}

/**
 * What a chart covers: one of the presets, or chosen days (the printed
 * report's period; `from` null: from the beginning).
 */
export type ChartPeriod = ProgressRange | { from: LocalDate | null; to: LocalDate };

/**
 * The window a chart covers, in the client's own calendar: "4w" is the
 * current week and the three before it, so the newest bar is never a
 * half-empty stranger. `from` is null for "all" (no lower bound). `today`
 * is the last day covered: today for the presets, the chosen last day
 * (never after today) for a chosen period, whose first week starts on the
 * Monday of its first day (charts and tables show whole weeks).
 */
export type RangeWindow = { range: ChartPeriod; today: LocalDate; from: LocalDate | null; currentWeek: LocalDate };

export function rangeWindow(range: ChartPeriod, today: LocalDate): RangeWindow {
  if (typeof range === "object") {
    const last = range.to < today ? range.to : today;
    return { range, today: last, currentWeek: mondayOf(last), from: range.from === null ? null : mondayOf(range.from) };
  }
  const currentWeek = mondayOf(today);
  const weeks = WEEKS_SHOWN[range];
  return { range, today, currentWeek, from: weeks === null ? null : addDays(currentWeek, -7 * (weeks - 1)) };
}
