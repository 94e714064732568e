// Formatting for chart axes, tooltips, tables and summaries. Dates are the
// client's own calendar dates ("2026-01-05"), so they are formatted in UTC:
// no time zone may shift them by a day.
const shortFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const longFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const monthFormat = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });

const asDate = (date: string) => new Date(`${date}T00:00:00Z`);

/** "29 Dec", for axis ticks. */
export function shortDate(date: string): string {
  return shortFormat.format(asDate(date));
}

/** "29 Dec 2025", for tables and summaries. */
export function longDate(date: string): string {
  return longFormat.format(asDate(date));
}

/** "Dec 2025". */
export function monthLabel(date: string): string {
  return monthFormat.format(asDate(date));
}

export type PeriodKind = "week" | "date" | "month";

export function periodLabel(kind: PeriodKind, date: string, short = false): string {
  if (kind === "month") return monthLabel(date);
  return short ? shortDate(date) : longDate(date);
}

/** One decimal at most: 6 → "6", 5.25 → "5.3"; null → "—". */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return String(Math.round(value * 10) / 10);
}

/** 0.6875 → "69%". */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return `${Math.round(value * 100)}%`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
