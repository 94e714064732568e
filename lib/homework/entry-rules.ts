import { addDays, isLocalDate, minDate, type LocalDate } from "@/lib/dates/local-date";
import { isDueOn, type Schedule } from "@/lib/schedule/schedule";

/** Missed items stay open this many days, then count as missed. */
export const OVERDUE_WINDOW_DAYS = 7;

/**
 * The first day the client can work on an item due on `dueOn`: a one-off
 * item is open from its start date until it is due; a recurring one opens
 * on its own day.
 */
export function opensOn(schedule: Schedule, dueOn: LocalDate): LocalDate {
  return schedule.type === "ONCE" ? schedule.startDate : dueOn;
}

/**
 * Whether a client may still write an entry for a scheduled item: it must be
 * due on that day of their calendar, already open, and not older than the
 * overdue window.
 */
export function canWriteScheduledEntry(schedule: Schedule, dueOn: string, today: LocalDate): boolean {
  if (!isLocalDate(dueOn)) return false;
  return isDueOn(schedule, dueOn) && opensOn(schedule, dueOn) <= today && dueOn >= addDays(today, -OVERDUE_WINDOW_DAYS);
}

/** Measurements are dated by the day the item was for, or the day it was done if that came first. */
export function recordedOnFor(dueOn: LocalDate, today: LocalDate): LocalDate {
  return minDate(dueOn, today);
}

/** Scheduled items are keyed by their due date; log entries by a random id. */
export function isScheduledEntryKey(entryKey: string): boolean {
  return isLocalDate(entryKey);
}

export const LOG_ENTRY_KEY = /^log-[A-Za-z0-9_-]{8,64}$/;
