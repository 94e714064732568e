import "server-only";
import { db } from "@/lib/db";
import { addDays, fromDbDate, minDate, todayIn, toDbDate, type LocalDate } from "@/lib/dates/local-date";
import { scheduleOf, scheduleSelect } from "@/lib/assignments/schedule-of";
import { OVERDUE_WINDOW_DAYS } from "@/lib/homework/entry-rules";
import { dueDatesBetween } from "@/lib/schedule/schedule";
import { loadSubject } from "./load-subject";
import { mondayOf, rangeWindow, type ChartPeriod } from "./range";
import { weeksBetween } from "./series";
import type { ProgressViewer } from "./viewer";

export type AdherenceWeek = { week: LocalDate; assigned: number; completed: number };

export type AdherenceByWeek = {
  from: LocalDate | null;
  today: LocalDate;
  /** Every week from the range start (or the first due date, for "all") to this week; weeks with nothing due count 0 / 0. */
  weeks: AdherenceWeek[];
  assigned: number;
  completed: number;
  /** Items due in the last seven days (not today) and still not done: what the portal lists as "still open". */
  overdue: number;
};

/**
 * Assigned vs completed per week, in the client's calendar. A client has few
 * assignments, so due dates are expanded per assignment here (the same
 * schedule rules the portal uses) after one query for the assignments and
 * one grouped query for the days with a submitted entry. Logs (any number a
 * day, "when it happens") are left out: a quiet day is not missed homework,
 * and the portal never lists them as overdue either. Two queries after the access check.
 */
export async function getAdherenceByWeek(viewer: ProgressViewer, range: ChartPeriod, now: Date = new Date()): Promise<AdherenceByWeek> {
  const subject = await loadSubject(viewer, now);
  const { from, today, currentWeek } = rangeWindow(range, subject.today);
  const overdueFrom = addDays(today, -OVERDUE_WINDOW_DAYS);
  const lookFrom = from === null ? null : minDate(from, overdueFrom);

  const [assignments, submitted] = await Promise.all([
    db.assignment.findMany({
      where: { clientId: subject.clientId, practiceId: subject.practiceId, templateVersion: { allowsMultiplePerDay: false } },
      select: { id: true, status: true, pausedAt: true, endedAt: true, ...scheduleSelect },
    }),
    db.submission.groupBy({
      by: ["assignmentId", "dueOn"],
      where: {
        clientId: subject.clientId,
        practiceId: subject.practiceId,
        status: "SUBMITTED",
        dueOn: { lte: toDbDate(today), ...(lookFrom ? { gte: toDbDate(lookFrom) } : {}) },
      },
    }),
  ]);

  const done = new Set(submitted.map((row) => `${row.assignmentId}|${fromDbDate(row.dueOn)}`));
  const perWeek = new Map<LocalDate, AdherenceWeek>();
  let overdue = 0;
  for (const assignment of assignments) {
    const schedule = scheduleOf(assignment);
    const stoppedAt = assignment.endedAt ?? assignment.pausedAt;
    const until = stoppedAt ? minDate(today, todayIn(subject.timeZone, stoppedAt)) : today;
    for (const date of dueDatesBetween(schedule, from ?? schedule.startDate, until)) {
      const week = mondayOf(date);
      const entry = perWeek.get(week) ?? { week, assigned: 0, completed: 0 };
      entry.assigned += 1;
      if (done.has(`${assignment.id}|${date}`)) entry.completed += 1;
      perWeek.set(week, entry);
    }
    if (assignment.status === "ACTIVE") {
      overdue += dueDatesBetween(schedule, overdueFrom, addDays(today, -1)).filter((date) => !done.has(`${assignment.id}|${date}`)).length;
    }
  }

  const first = from ?? [...perWeek.keys()].sort()[0] ?? null;
  const weeks = first === null ? [] : weeksBetween(first, currentWeek).map((week) => perWeek.get(week) ?? { week, assigned: 0, completed: 0 });
  return {
    from,
    today,
    weeks,
    assigned: weeks.reduce((sum, week) => sum + week.assigned, 0),
    completed: weeks.reduce((sum, week) => sum + week.completed, 0),
    overdue,
  };
}
