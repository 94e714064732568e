import "server-only";
import { db } from "@/lib/db";
import { invalid, notFound } from "@/lib/errors";
import { toDbDate, type LocalDate } from "@/lib/dates/local-date";
import type { TherapistScope } from "@/lib/clients/scope";
import type { AssignmentStatus } from "@/lib/generated/prisma/enums";
import { takesEndDate } from "@/lib/schedule/schedule";

const transitions: Record<"pause" | "resume" | "end", { from: AssignmentStatus[]; to: AssignmentStatus }> = {
  pause: { from: ["ACTIVE"], to: "PAUSED" },
  resume: { from: ["PAUSED"], to: "ACTIVE" },
  end: { from: ["ACTIVE", "PAUSED"], to: "ENDED" },
};

/** Pauses, resumes or ends one of the caller's assignments. Ending keeps every submission. */
export async function changeAssignmentStatus(scope: TherapistScope, assignmentId: string, change: keyof typeof transitions, now = new Date()) {
  const { from, to } = transitions[change];
  const updated = await db.assignment.updateMany({
    where: { id: assignmentId, therapistId: scope.therapistId, practiceId: scope.practiceId, status: { in: from } },
    data: {
      status: to,
      ...(change === "pause" ? { pausedAt: now } : {}),
      ...(change === "resume" ? { pausedAt: null } : {}),
      ...(change === "end" ? { endedAt: now } : {}),
    },
  });
  if (updated.count !== 1) throw notFound();
}

/** Edits the note and end date of one of the caller's assignments. */
export async function updateAssignmentDetails(
  scope: TherapistScope,
  input: { assignmentId: string; note: string | null; endDate?: LocalDate },
) {
  const assignment = await db.assignment.findFirst({
    where: { id: input.assignmentId, therapistId: scope.therapistId, practiceId: scope.practiceId },
    select: { id: true, scheduleType: true, startDate: true },
  });
  if (!assignment) throw notFound();
  const canEnd = takesEndDate(assignment.scheduleType);
  if (input.endDate && !canEnd) {
    throw invalid("This schedule has its own last day.", { endDate: ["Only daily and weekly assignments take an end date."] });
  }
  if (input.endDate && toDbDate(input.endDate) < assignment.startDate) {
    throw invalid("Please check the end date.", { endDate: ["The end date can’t be before the start date."] });
  }
  await db.assignment.update({
    where: { id: assignment.id },
    data: { note: input.note, ...(canEnd ? { endDate: input.endDate ? toDbDate(input.endDate) : null } : {}) },
  });
}
