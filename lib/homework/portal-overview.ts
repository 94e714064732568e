import "server-only";
import { db } from "@/lib/db";
import { addDays, fromDbDate, todayIn, toDbDate, type LocalDate } from "@/lib/dates/local-date";
import { dayNumber, dueDatesBetween, isDueOn, lastDueDate, nextDueDate } from "@/lib/schedule/schedule";
import { scheduleOf, scheduleSelect } from "@/lib/assignments/schedule-of";
import { OVERDUE_WINDOW_DAYS } from "./entry-rules";
import type { ClientScope } from "./client-scope";

export type HomeworkItem = {
  assignmentId: string;
  title: string;
  note: string | null;
  estimatedMinutes: number;
  dueOn: LocalDate;
  /** The due date for scheduled items; logs open a new entry instead. */
  entryKey: string | null;
  isLog: boolean;
  hasDraft: boolean;
  entriesToday: number;
  /** "Day 12 of 30" for N-day trackers. */
  progress: { day: number; of: number } | null;
  /** For upcoming items: the first day it can be done. */
  opensOn?: LocalDate;
};

export type DoneItem = {
  submissionId: string;
  title: string;
  dueOn: LocalDate;
  submittedAt: Date;
  hasFeedback: boolean;
  unreadFeedback: boolean;
};

export type PortalOverview = {
  today: LocalDate;
  dueToday: HomeworkItem[];
  overdue: HomeworkItem[];
  upcoming: HomeworkItem[];
  done: DoneItem[];
};

const DONE_DAYS = 14;
const DONE_SHOWN = 10;
const UPCOMING_DAYS = 7;

/** What the client's home shows, all in their own calendar. Four queries, whatever the number of items. */
export async function getPortalOverview(client: ClientScope, now = new Date()): Promise<PortalOverview> {
  const today = todayIn(client.timeZone, now);
  const windowStart = addDays(today, -Math.max(OVERDUE_WINDOW_DAYS, DONE_DAYS));

  const [assignments, entries, done] = await Promise.all([
    db.assignment.findMany({
      where: { clientId: client.clientId, practiceId: client.practiceId, status: "ACTIVE" },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        note: true,
        ...scheduleSelect,
        templateVersion: { select: { title: true, estimatedMinutes: true, allowsMultiplePerDay: true } },
      },
    }),
    db.submission.findMany({
      where: { clientId: client.clientId, dueOn: { gte: toDbDate(windowStart) } },
      select: { assignmentId: true, dueOn: true, status: true, entryKey: true },
    }),
    db.submission.findMany({
      where: { clientId: client.clientId, status: "SUBMITTED", submittedAt: { gte: new Date(now.getTime() - DONE_DAYS * 86_400_000) } },
      orderBy: { submittedAt: "desc" },
      take: DONE_SHOWN,
      select: {
        id: true,
        dueOn: true,
        submittedAt: true,
        templateVersion: { select: { title: true } },
        feedback: { select: { readAt: true } },
      },
    }),
  ]);

  const submittedDays = new Set(entries.filter((e) => e.status === "SUBMITTED").map((e) => `${e.assignmentId}|${fromDbDate(e.dueOn)}`));
  const draftKeys = new Set(entries.filter((e) => e.status === "DRAFT").map((e) => `${e.assignmentId}|${e.entryKey}`));
  const logCountToday = (assignmentId: string) =>
    entries.filter((e) => e.assignmentId === assignmentId && e.status === "SUBMITTED" && fromDbDate(e.dueOn) === today).length;

  const overview: PortalOverview = { today, dueToday: [], overdue: [], upcoming: [], done: [] };
  for (const assignment of assignments) {
    const schedule = scheduleOf(assignment);
    const isLog = assignment.templateVersion.allowsMultiplePerDay;
    const last = lastDueDate(schedule);
    const item = (dueOn: LocalDate): HomeworkItem => ({
      assignmentId: assignment.id,
      title: assignment.templateVersion.title,
      note: assignment.note,
      estimatedMinutes: assignment.templateVersion.estimatedMinutes,
      dueOn,
      entryKey: isLog ? null : dueOn,
      isLog,
      hasDraft: isLog ? entries.some((e) => e.assignmentId === assignment.id && e.status === "DRAFT" && fromDbDate(e.dueOn) === dueOn) : draftKeys.has(`${assignment.id}|${dueOn}`),
      entriesToday: isLog ? logCountToday(assignment.id) : 0,
      progress: schedule.type === "DAILY_FOR_N_DAYS" && last ? { day: dayNumber(schedule, dueOn), of: schedule.dayCount ?? 0 } : null,
    });

    if (schedule.type === "ONCE" && last) {
      // A one-off item is open from its start date until it is due.
      const done = submittedDays.has(`${assignment.id}|${last}`);
      if (!done && schedule.startDate <= today && today <= last) overview.dueToday.push(item(last));
      else if (!done && last < today && last >= addDays(today, -OVERDUE_WINDOW_DAYS)) overview.overdue.push(item(last));
      else if (schedule.startDate > today && schedule.startDate <= addDays(today, UPCOMING_DAYS)) overview.upcoming.push({ ...item(last), opensOn: schedule.startDate });
      continue;
    }
    if (isDueOn(schedule, today) && (isLog || !submittedDays.has(`${assignment.id}|${today}`))) {
      overview.dueToday.push(item(today));
    }
    if (!isLog) {
      for (const day of dueDatesBetween(schedule, addDays(today, -OVERDUE_WINDOW_DAYS), addDays(today, -1))) {
        if (!submittedDays.has(`${assignment.id}|${day}`)) overview.overdue.push(item(day));
      }
    }
    // Something due today already has its card; "coming up" is for what isn't.
    const next = nextDueDate(schedule, addDays(today, 1), UPCOMING_DAYS - 1);
    if (next && !isDueOn(schedule, today)) overview.upcoming.push({ ...item(next), opensOn: next });
  }

  overview.overdue.sort((a, b) => (a.dueOn < b.dueOn ? -1 : 1));
  overview.upcoming.sort((a, b) => (a.dueOn < b.dueOn ? -1 : 1));
  overview.done = done.map((entry) => ({
    submissionId: entry.id,
    title: entry.templateVersion.title,
    dueOn: fromDbDate(entry.dueOn),
    submittedAt: entry.submittedAt ?? entry.dueOn,
    hasFeedback: entry.feedback.length > 0,
    unreadFeedback: entry.feedback.some((feedback) => feedback.readAt === null),
  }));
  return overview;
}
