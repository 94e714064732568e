// The one date style of the app. Every date is shown in a named zone (the
// viewer's, unless the caller passes the client's), as words for the days
// around today ("today", "yesterday", "3 days ago", "in 2 days") and as
// "3 Dec" this year or "3 Dec 2025" otherwise; never "2026-12-03". The
// full date goes in a title (formatDayTitle / formatMomentTitle) so the
// relative words never hide it.
import { dateTimeFormat } from "./formatters";
import { daysBetween, isLocalDate, todayIn, type LocalDate } from "./local-date";

export type DisplayOptions = {
  /** The viewer's IANA zone: what "today" means and whose clock is shown. */
  timeZone: string;
  now?: Date;
  /** false: always the date itself (schedules, where the date is the point). */
  relative?: boolean;
  /** For the start of a line: "Yesterday". */
  capitalized?: boolean;
};

/** Within this many days of today a day is said in words. */
const RELATIVE_DAYS = 6;

function calendarDay(value: Date | LocalDate, timeZone: string): LocalDate {
  return typeof value === "string" ? value : todayIn(timeZone, value);
}

function capitalize(text: string, yes = false): string {
  return yes && text ? text[0]!.toUpperCase() + text.slice(1) : text;
}

function relativeWords(offset: number): string | null {
  if (offset === 0) return "today";
  if (offset === -1) return "yesterday";
  if (offset === 1) return "tomorrow";
  if (offset < 0 && offset >= -RELATIVE_DAYS) return `${-offset} days ago`;
  if (offset > 0 && offset <= RELATIVE_DAYS) return `in ${offset} days`;
  return null;
}

function absoluteDay(day: LocalDate, today: LocalDate): string {
  const sameYear = day.slice(0, 4) === today.slice(0, 4);
  return dateTimeFormat("en-GB", { day: "numeric", month: "short", ...(sameYear ? {} : { year: "numeric" }), timeZone: "UTC" }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/**
 * A calendar day against a `today` the caller already has (the portal works
 * out the client's today once per page): the same words and dates as formatDay.
 */
export function formatCalendarDay(day: LocalDate, today: LocalDate, options: Pick<DisplayOptions, "relative" | "capitalized"> = {}): string {
  if (!isLocalDate(day) || !isLocalDate(today)) return day;
  const words = options.relative === false ? null : relativeWords(daysBetween(today, day));
  return capitalize(words ?? absoluteDay(day, today), options.capitalized);
}

/** A day: "today", "3 days ago", "in 2 days", "3 Dec", "3 Dec 2025". A Date is read in the viewer's zone; a LocalDate as it is. */
export function formatDay(value: Date | LocalDate, options: DisplayOptions): string {
  return formatCalendarDay(calendarDay(value, options.timeZone), todayIn(options.timeZone, options.now ?? new Date()), options);
}

function clockTime(value: Date, timeZone: string): string {
  return dateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }).format(value);
}

/**
 * An instant whose time of day matters (a safety flag, a reply, a sign-in):
 * formatDay's words or date and the viewer's clock, "yesterday, 21:30",
 * "3 days ago, 14:00", "20 Nov, 12:33".
 */
export function formatMomentWithTime(value: Date, options: DisplayOptions): string {
  return `${formatDay(value, options)}, ${clockTime(value, options.timeZone)}`;
}

/** An instant: "today, 08:05", "yesterday, 12:33", then as formatDay ("3 days ago", "20 Nov", "3 Dec 2025"). */
export function formatMoment(value: Date, options: DisplayOptions): string {
  const day = calendarDay(value, options.timeZone);
  const today = todayIn(options.timeZone, options.now ?? new Date());
  const offset = daysBetween(today, day);
  if (options.relative !== false && (offset === 0 || offset === -1)) {
    return capitalize(`${offset === 0 ? "today" : "yesterday"}, ${clockTime(value, options.timeZone)}`, options.capitalized);
  }
  return formatDay(day, options);
}

/** "Thursday 3 December 2026", for a title or a printed page. */
export function formatDayTitle(day: LocalDate): string {
  if (!isLocalDate(day)) return day;
  // Built from parts: ICU versions differ on the comma after the weekday.
  const parts = dateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).formatToParts(
    new Date(`${day}T00:00:00Z`),
  );
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((item) => item.type === type)?.value ?? "";
  return `${part("weekday")} ${part("day")} ${part("month")} ${part("year")}`;
}

/** "Friday 4 December 2026, 12:33" in `timeZone`. */
export function formatMomentTitle(value: Date, timeZone: string): string {
  return `${formatDayTitle(todayIn(timeZone, value))}, ${clockTime(value, timeZone)}`;
}
