import { dueDatesBetween, type Schedule } from "@/lib/schedule/schedule";
import { minDate, type LocalDate } from "@/lib/dates/local-date";

export type Adherence = { due: number; done: number };

/**
 * Done / due so far for one assignment: due dates from its start up to today
 * (or the day it was paused or ended), and how many of those have a
 * submitted entry. Pure, so it is tested without a database.
 */
export function adherenceOf(
  schedule: Schedule,
  submittedDates: Iterable<LocalDate>,
  today: LocalDate,
  stoppedOn: LocalDate | null,
): Adherence {
  const until = stoppedOn ? minDate(today, stoppedOn) : today;
  const due = dueDatesBetween(schedule, schedule.startDate, until);
  const submitted = new Set(submittedDates);
  return { due: due.length, done: due.filter((date) => submitted.has(date)).length };
}
