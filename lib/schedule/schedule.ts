// When an assignment is due, as pure functions of its schedule and the
// client's calendar. Every function takes dates of the client's own zone.
import { addDays, daysBetween, maxDate, minDate, weekdayOf, type LocalDate } from "@/lib/dates/local-date";

export type ScheduleType = "ONCE" | "DAILY" | "WEEKLY" | "DAILY_FOR_N_DAYS";

/** Open-ended schedules may be given an end date; once and N days end by themselves. */
export function takesEndDate(type: ScheduleType): boolean {
  return type === "DAILY" || type === "WEEKLY";
}

export type Schedule = {
  type: ScheduleType;
  startDate: LocalDate;
  /** ONCE: the single due date. */
  dueDate?: LocalDate | null;
  /** DAILY / WEEKLY: optional last day. */
  endDate?: LocalDate | null;
  /** WEEKLY: 0 = Sunday … 6 = Saturday. */
  weekdays?: number[];
  /** DAILY_FOR_N_DAYS: how many days, starting on startDate. */
  dayCount?: number | null;
};

/** The last day anything is due, or null when the schedule runs until ended. */
export function lastDueDate(schedule: Schedule): LocalDate | null {
  switch (schedule.type) {
    case "ONCE":
      return schedule.dueDate ?? schedule.startDate;
    case "DAILY_FOR_N_DAYS":
      return addDays(schedule.startDate, Math.max(1, schedule.dayCount ?? 1) - 1);
    case "DAILY":
    case "WEEKLY":
      return schedule.endDate ?? null;
  }
}

export function isDueOn(schedule: Schedule, date: LocalDate): boolean {
  const last = lastDueDate(schedule);
  if (schedule.type === "ONCE") return date === last;
  if (date < schedule.startDate || (last !== null && date > last)) return false;
  if (schedule.type === "WEEKLY") return (schedule.weekdays ?? []).includes(weekdayOf(date));
  return true;
}

/** Every due date in [from, to], oldest first. */
export function dueDatesBetween(schedule: Schedule, from: LocalDate, to: LocalDate): LocalDate[] {
  const last = lastDueDate(schedule);
  const start = schedule.type === "ONCE" ? (last ?? schedule.startDate) : schedule.startDate;
  const first = maxDate(from, start);
  const final = last === null ? to : minDate(to, last);
  const dates: LocalDate[] = [];
  for (let day = first, guard = 0; day <= final && guard < 4000; day = addDays(day, 1), guard++) {
    if (isDueOn(schedule, day)) dates.push(day);
  }
  return dates;
}

/** The first due date on or after `date`, looking at most `horizonDays` ahead. */
export function nextDueDate(schedule: Schedule, date: LocalDate, horizonDays = 14): LocalDate | null {
  return dueDatesBetween(schedule, date, addDays(date, horizonDays))[0] ?? null;
}

/** "Every day for 30 days", "Mondays and Thursdays"… for the therapist and the client. */
export function describeSchedule(schedule: Schedule): string {
  const names = ["Sundays", "Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays"];
  switch (schedule.type) {
    case "ONCE":
      return "Once";
    case "DAILY":
      return "Every day";
    case "DAILY_FOR_N_DAYS":
      return `Every day for ${schedule.dayCount} days`;
    case "WEEKLY": {
      const days = [...(schedule.weekdays ?? [])].sort().map((day) => names[day]);
      if (days.length <= 1) return `Weekly on ${days[0] ?? "—"}`;
      return `${days.slice(0, -1).join(", ")} and ${days.at(-1)}`;
    }
  }
}

/** Days from start to `date` inclusive; used for "day 12 of 30". */
export function dayNumber(schedule: Schedule, date: LocalDate): number {
  return daysBetween(schedule.startDate, date) + 1;
}
