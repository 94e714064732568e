// Adherence, overdue items and the next due item for one client, from their
// assignments' schedules and the (assignment, due date) pairs that have a
// submitted entry. Pure: the due dates come from lib/schedule, the rules from
// lib/homework/entry-rules, and tests need no database.
import { addDays, type LocalDate } from "@/lib/dates/local-date";
import { OVERDUE_WINDOW_DAYS } from "@/lib/homework/entry-rules";
import { isDueOn, lastDueDate, type Schedule } from "@/lib/schedule/schedule";

/** "Adherence (last 4 weeks)": the 28 days before today. */
export const ADHERENCE_DAYS = 28;

/** How far ahead "next due" looks; a later one-off shows as nothing due soon. */
export const NEXT_DUE_HORIZON_DAYS = 31;

export type AssignmentFacts = {
  id: string;
  title: string;
  /** Logs (any number per day) record events as they happen: never overdue, not counted in adherence. */
  isLog: boolean;
  /** Paused and ended assignments still count in adherence up to the day they stopped. */
  active: boolean;
  schedule: Schedule;
  /** The client's calendar date it was paused or ended, if it was. */
  stoppedOn: LocalDate | null;
};

export type HomeworkFigures = {
  adherence: { due: number; done: number; rate: number | null };
  overdue: { count: number; newestDueOn: LocalDate | null };
  nextDue: { title: string; date: LocalDate } | null;
};

export type SubmittedCheck = (assignmentId: string, dueOn: LocalDate) => boolean;

/**
 * "Every day for N days" is the same as "every day from start to its last
 * day". isDueOn recomputes that last day on every call, so the loops below
 * ask it about the equivalent daily schedule instead.
 */
function withFixedEnd(schedule: Schedule): Schedule {
  if (schedule.type !== "DAILY_FOR_N_DAYS") return schedule;
  return { type: "DAILY", startDate: schedule.startDate, endDate: lastDueDate(schedule) };
}

/** The days of the adherence window, oldest first: shared by every client with the same today. */
const windowCache = new Map<LocalDate, LocalDate[]>();

function adherenceWindow(today: LocalDate): LocalDate[] {
  let days = windowCache.get(today);
  if (!days) {
    days = Array.from({ length: ADHERENCE_DAYS }, (_, index) => addDays(today, index - ADHERENCE_DAYS));
    // A page sees a handful of distinct todays (one per UTC offset); keep the cache small for long-lived servers.
    if (windowCache.size > 64) windowCache.clear();
    windowCache.set(today, days);
  }
  return days;
}

/**
 * Adherence and overdue in one pass over each assignment's due dates in the
 * 28 days before today. Today is left out of adherence: what is due today
 * can still be done today, and counting it would make every morning look
 * worse than the evening before. Overdue is what the portal shows: due in
 * the 7 days before today (inside the 28), active, not a log, no entry.
 * The window's dates are built once per today rather than per assignment:
 * date arithmetic was most of this page's CPU time with 150 clients.
 */
function pastFigures(assignments: readonly AssignmentFacts[], isSubmitted: SubmittedCheck, today: LocalDate) {
  const days = adherenceWindow(today);
  const overdueFrom = addDays(today, -OVERDUE_WINDOW_DAYS);
  const adherence = { due: 0, done: 0 };
  const overdue: HomeworkFigures["overdue"] = { count: 0, newestDueOn: null };
  for (const assignment of assignments) {
    if (assignment.isLog) continue;
    const { stoppedOn } = assignment;
    const schedule = withFixedEnd(assignment.schedule);
    const last = lastDueDate(schedule);
    for (const date of days) {
      if ((last !== null && date > last) || (stoppedOn !== null && date > stoppedOn)) break;
      if (!isDueOn(schedule, date)) continue;
      adherence.due += 1;
      if (isSubmitted(assignment.id, date)) adherence.done += 1;
      else if (assignment.active && date >= overdueFrom) {
        overdue.count += 1;
        if (overdue.newestDueOn === null || date > overdue.newestDueOn) overdue.newestDueOn = date;
      }
    }
  }
  return { adherence: { ...adherence, rate: adherence.due === 0 ? null : adherence.done / adherence.due }, overdue };
}

/** The first day from today that still has something to do; stops at the first one found. */
function firstOpenDay(assignment: AssignmentFacts, isSubmitted: SubmittedCheck, today: LocalDate): LocalDate | null {
  const schedule = withFixedEnd(assignment.schedule);
  const last = lastDueDate(schedule);
  for (let offset = 0, day = today; offset <= NEXT_DUE_HORIZON_DAYS; offset++, day = addDays(day, 1)) {
    if (last !== null && day > last) return null;
    if (isDueOn(schedule, day) && (assignment.isLog || !isSubmitted(assignment.id, day))) return day;
  }
  return null;
}

/**
 * The earliest item still to do from today on. Scheduled items come before
 * logs: a daily trigger log is "due" every day and would otherwise hide the
 * homework that actually has a deadline.
 */
function nextDueOf(assignments: readonly AssignmentFacts[], isSubmitted: SubmittedCheck, today: LocalDate) {
  let best: { title: string; date: LocalDate; isLog: boolean } | null = null;
  for (const assignment of assignments) {
    if (!assignment.active) continue;
    const date = firstOpenDay(assignment, isSubmitted, today);
    if (date === null) continue;
    const candidate = { title: assignment.title, date, isLog: assignment.isLog };
    if (best === null || compareNext(candidate, best) < 0) best = candidate;
  }
  return best ? { title: best.title, date: best.date } : null;
}

function compareNext(a: { title: string; date: LocalDate; isLog: boolean }, b: { title: string; date: LocalDate; isLog: boolean }) {
  if (a.isLog !== b.isLog) return a.isLog ? 1 : -1;
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return a.title.localeCompare(b.title, "en");
}

export function homeworkFiguresOf(
  assignments: readonly AssignmentFacts[],
  isSubmitted: SubmittedCheck,
  today: LocalDate,
): HomeworkFigures {
  return { ...pastFigures(assignments, isSubmitted, today), nextDue: nextDueOf(assignments, isSubmitted, today) };
}
