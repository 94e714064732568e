// Calendar dates ("2026-03-08") as plain strings. Homework is due on a day
// of the client's own calendar, not at an instant, so dates never pass
// through the server's time zone. Arithmetic runs on UTC midnights, where
// every day has 24 hours.
import { TZDate } from "@date-fns/tz";
import { dateTimeFormat } from "./formatters";

export type LocalDate = string;

const DAY_MS = 24 * 60 * 60 * 1000;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isLocalDate(value: string): value is LocalDate {
  if (!LOCAL_DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

/** The date it is right now on a wall calendar in `timeZone`. */
export function todayIn(timeZone: string, now: Date = new Date()): LocalDate {
  return dateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** Minutes since local midnight in `timeZone` (for reminder times). */
export function minutesIntoDayIn(timeZone: string, now: Date = new Date()): number {
  const parts = dateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(now);
  const hour = Number(parts.find((part) => part.type === "hour")?.value ?? 0);
  const minute = Number(parts.find((part) => part.type === "minute")?.value ?? 0);
  return hour * 60 + minute;
}

/** The instant at which a wall-clock time happens on a date in `timeZone` (DST aware). */
export function instantOf(date: LocalDate, time: string, timeZone: string): Date {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  return new Date(new TZDate(year, month - 1, day, hour, minute, timeZone).getTime());
}

function toUtcMs(date: LocalDate): number {
  return Date.parse(`${date}T00:00:00Z`);
}

function fromUtcMs(ms: number): LocalDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: LocalDate): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

export function minDate(a: LocalDate, b: LocalDate): LocalDate {
  return a < b ? a : b;
}

export function maxDate(a: LocalDate, b: LocalDate): LocalDate {
  return a > b ? a : b;
}

/** PostgreSQL `date` columns come back from Prisma as UTC midnights. */
export function fromDbDate(value: Date): LocalDate {
  return value.toISOString().slice(0, 10);
}

export function toDbDate(date: LocalDate): Date {
  return new Date(`${date}T00:00:00Z`);
}


/**
 * "Tuesday 3 March", or "today" / "yesterday" / "tomorrow" — for the client's
 * portal, no time zone conversion needed. `capitalized` for the start of a line.
 */
export function describeLocalDate(date: LocalDate, today?: LocalDate, capitalized = true): string {
  if (today) {
    const offset = daysBetween(today, date);
    const relative = offset === 0 ? "today" : offset === -1 ? "yesterday" : offset === 1 ? "tomorrow" : null;
    if (relative) return capitalized ? relative[0]!.toUpperCase() + relative.slice(1) : relative;
  }
  return dateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" }).format(
    new Date(toUtcMs(date)),
  );
}
