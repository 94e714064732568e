import { addDays, isLocalDate, type LocalDate } from "@/lib/dates/local-date";
import { isDueOn, type Schedule } from "@/lib/schedule/schedule";

/** Missed items stay open this many days, then count as missed. */
export const OVERDUE_WINDOW_DAYS = 7;

/**
 * Whether a client may still write an entry for a scheduled item: it must be
 * due on that day of their calendar, not in the future, and not older than
 * the overdue window.
 */
export function canWriteScheduledEntry(schedule: Schedule, dueOn: string, today: LocalDate): boolean {
  if (!isLocalDate(dueOn)) return false;
  return isDueOn(schedule, dueOn) && dueOn <= today && dueOn >= addDays(today, -OVERDUE_WINDOW_DAYS);
}

/** Scheduled items are keyed by their due date; log entries by a random id. */
export function isScheduledEntryKey(entryKey: string): boolean {
  return isLocalDate(entryKey);
}

export const LOG_ENTRY_KEY = /^log-[A-Za-z0-9_-]{8,64}$/;
