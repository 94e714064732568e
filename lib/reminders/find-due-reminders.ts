// Which clients are owed a homework reminder right now. Every client is
// judged on their own wall clock and calendar, never the server's.
import "server-only";
import { db } from "@/lib/db";
import { addDays, fromDbDate, minutesIntoDayIn, todayIn, toDbDate, type LocalDate } from "@/lib/dates/local-date";
import { isDueOn } from "@/lib/schedule/schedule";
import { scheduleOf, scheduleSelect, type ScheduleRow } from "@/lib/assignments/schedule-of";
import { isTimeZone } from "@/lib/time-zones";
import { REMINDER_TIME_PATTERN } from "@/lib/validations/reminders";

export type DueReminder = { clientId: string; practiceId: string; toAddress: string; localDate: LocalDate };

export type ReminderAssignment = ScheduleRow & {
  /** Local dates this assignment already has a submitted entry for. */
  submittedOn: LocalDate[];
};

/** The client's local date once their chosen time has come today; null before it (or for unusable settings). */
export function reminderDayFor(settings: { timeZone: string; reminderTime: string }, now: Date): LocalDate | null {
  if (!REMINDER_TIME_PATTERN.test(settings.reminderTime) || !isTimeZone(settings.timeZone)) return null;
  const [hour, minute] = settings.reminderTime.split(":").map(Number) as [number, number];
  // Comparing wall-clock minutes (not instants) is what makes DST days work:
  // a 02:30 reminder on a spring-forward day fires at 03:00, the first local
  // time past it, and on a fall-back day the repeated hour cannot fire twice
  // because the day's delivery row already exists.
  if (minutesIntoDayIn(settings.timeZone, now) < hour * 60 + minute) return null;
  return todayIn(settings.timeZone, now);
}

/** True when some assignment is due on `date` and has not been submitted for it. */
export function hasHomeworkDue(assignments: ReminderAssignment[], date: LocalDate): boolean {
  return assignments.some((assignment) => isDueOn(scheduleOf(assignment), date) && !assignment.submittedOn.includes(date));
}

/**
 * Clients with reminders on whose time has come, who have something due
 * today and no reminder yet for today. Four queries whatever the number of
 * clients: opted-in clients with their recent deliveries, then the
 * assignments (with recent submissions) of those still in the running.
 * `considered` counts the opted-in clients looked at.
 */
export async function findDueReminders(now: Date = new Date()): Promise<{ considered: number; due: DueReminder[] }> {
  // Every zone's local date is the UTC date or one day either side of it.
  const utcToday = now.toISOString().slice(0, 10);
  const window = { gte: toDbDate(addDays(utcToday, -1)), lte: toDbDate(addDays(utcToday, 1)) };

  const clients = await db.client.findMany({
    where: { status: "ACTIVE", reminderTime: { not: null }, userId: { not: null } },
    select: {
      id: true,
      practiceId: true,
      timeZone: true,
      reminderTime: true,
      // The account's address (what they sign in with), not the invitation's.
      user: { select: { email: true } },
      reminders: { where: { localDate: window }, select: { localDate: true } },
    },
  });

  const candidates = new Map<string, DueReminder>();
  for (const client of clients) {
    if (!client.reminderTime || !client.user) continue;
    const localDate = reminderDayFor({ timeZone: client.timeZone, reminderTime: client.reminderTime }, now);
    if (!localDate || client.reminders.some((reminder) => fromDbDate(reminder.localDate) === localDate)) continue;
    candidates.set(client.id, { clientId: client.id, practiceId: client.practiceId, toAddress: client.user.email, localDate });
  }
  if (candidates.size === 0) return { considered: clients.length, due: [] };

  const assignments = await db.assignment.findMany({
    where: {
      clientId: { in: [...candidates.keys()] },
      status: "ACTIVE",
      startDate: { lte: window.lte },
      // Logs (any number of entries a day) are never "due", so never remind.
      templateVersion: { allowsMultiplePerDay: false },
    },
    select: {
      clientId: true,
      ...scheduleSelect,
      submissions: { where: { status: "SUBMITTED", dueOn: window }, select: { dueOn: true } },
    },
  });

  const byClient = new Map<string, ReminderAssignment[]>();
  for (const { clientId, submissions, ...schedule } of assignments) {
    const list = byClient.get(clientId) ?? [];
    list.push({ ...schedule, submittedOn: submissions.map((submission) => fromDbDate(submission.dueOn)) });
    byClient.set(clientId, list);
  }

  const due = [...candidates.values()].filter((candidate) =>
    hasHomeworkDue(byClient.get(candidate.clientId) ?? [], candidate.localDate),
  );
  return { considered: clients.length, due };
}
