// When the occurrences of a session happen, as pure functions. The time is a
// wall-clock time in the clinician's zone: "Tuesdays at 3 pm" stays 3 pm
// local across a daylight-saving change, so each occurrence is placed on its
// own calendar date and converted on its own (never "previous + 7 × 24 h").
import { addDays, instantOf, type LocalDate } from "@/lib/dates/local-date";
import type { SessionRecurrence } from "@/lib/generated/prisma/enums";

/** How far ahead a repeating session is created. */
export const SERIES_WEEKS = 12;

const STEP_DAYS: Record<Exclude<SessionRecurrence, "NONE">, number> = { WEEKLY: 7, FORTNIGHTLY: 14 };

/** The calendar dates of every occurrence: one for NONE, else every 7 or 14 days within SERIES_WEEKS of the first. */
export function occurrenceDates(first: LocalDate, recurrence: SessionRecurrence): LocalDate[] {
  if (recurrence === "NONE") return [first];
  const step = STEP_DAYS[recurrence];
  const dates: LocalDate[] = [];
  for (let offset = 0; offset < SERIES_WEEKS * 7; offset += step) dates.push(addDays(first, offset));
  return dates;
}

/** The instants of every occurrence, each at `time` on its own date in `timeZone`. */
export function occurrenceStarts(first: LocalDate, time: string, timeZone: string, recurrence: SessionRecurrence): Date[] {
  return occurrenceDates(first, recurrence).map((date) => instantOf(date, time, timeZone));
}
