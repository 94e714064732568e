import "server-only";
import { db } from "@/lib/db";
import { getClient } from "@/lib/clients/get-client";
import { fromDbDate, todayIn, type LocalDate } from "@/lib/dates/local-date";
import { describeSchedule, nextDueDate, takesEndDate, type ScheduleType } from "@/lib/schedule/schedule";
import type { TherapistScope } from "@/lib/clients/scope";
import type { AssignmentStatus } from "@/lib/generated/prisma/enums";
import { adherenceOf, type Adherence } from "./adherence";
import { scheduleOf, scheduleSelect } from "./schedule-of";

// Far enough to find the next date of any schedule a therapist can set.
const NEXT_DUE_HORIZON_DAYS = 400;

export type ClientAssignment = {
  id: string;
  title: string;
  version: number;
  note: string | null;
  status: AssignmentStatus;
  scheduleLabel: string;
  scheduleType: ScheduleType;
  startDate: LocalDate;
  /** ONCE: the day it is due. */
  dueDate: LocalDate | null;
  /** The newest submitted entry's time, if any. */
  lastSubmittedAt: Date | null;
  endDate: LocalDate | null;
  nextDue: LocalDate | null;
  adherence: Adherence;
  isLog: boolean;
  canSetEndDate: boolean;
};

/** A client's assignments for their therapist, with adherence so far (the client's calendar). */
export async function listClientAssignments(scope: TherapistScope, clientId: string, now = new Date()): Promise<ClientAssignment[]> {
  const client = await getClient(scope, clientId);
  const today = todayIn(client.timeZone, now);

  const [assignments, submitted] = await Promise.all([
    db.assignment.findMany({
      where: { clientId, therapistId: scope.therapistId },
      orderBy: [{ status: "asc" }, { createdAt: "desc" }],
      select: {
        id: true,
        note: true,
        status: true,
        pausedAt: true,
        endedAt: true,
        ...scheduleSelect,
        templateVersion: { select: { title: true, version: true, allowsMultiplePerDay: true } },
      },
    }),
    // One row per (assignment, day) with a submitted entry, however many log entries that day had.
    db.submission.groupBy({
      by: ["assignmentId", "dueOn"],
      where: { clientId, status: "SUBMITTED", assignment: { therapistId: scope.therapistId } },
      _max: { submittedAt: true },
    }),
  ]);

  const doneDays = new Map<string, LocalDate[]>();
  const lastSubmitted = new Map<string, Date>();
  for (const row of submitted) {
    const list = doneDays.get(row.assignmentId) ?? [];
    list.push(fromDbDate(row.dueOn));
    doneDays.set(row.assignmentId, list);
    const at = row._max.submittedAt;
    const newest = lastSubmitted.get(row.assignmentId);
    if (at && (!newest || at > newest)) lastSubmitted.set(row.assignmentId, at);
  }

  return assignments.map((assignment) => {
    const schedule = scheduleOf(assignment);
    const stoppedAt = assignment.endedAt ?? assignment.pausedAt;
    return {
      id: assignment.id,
      title: assignment.templateVersion.title,
      version: assignment.templateVersion.version,
      note: assignment.note,
      status: assignment.status,
      scheduleLabel: describeSchedule(schedule),
      scheduleType: schedule.type,
      startDate: schedule.startDate,
      dueDate: schedule.dueDate ?? null,
      lastSubmittedAt: lastSubmitted.get(assignment.id) ?? null,
      endDate: schedule.endDate ?? null,
      nextDue: assignment.status === "ACTIVE" ? nextDueDate(schedule, today, NEXT_DUE_HORIZON_DAYS) : null,
      adherence: adherenceOf(schedule, doneDays.get(assignment.id) ?? [], today, stoppedAt ? todayIn(client.timeZone, stoppedAt) : null),
      isLog: assignment.templateVersion.allowsMultiplePerDay,
      canSetEndDate: takesEndDate(schedule.type),
    };
  });
}
