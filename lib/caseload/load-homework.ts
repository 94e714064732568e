import "server-only";
import { db } from "@/lib/db";
import { addDays, toDbDate, type LocalDate } from "@/lib/dates/local-date";
import type { AssignmentStatus, ScheduleType } from "@/lib/generated/prisma/enums";
import type { TherapistScope } from "@/lib/clients/scope";

// Both queries are raw SQL for speed, not for anything Prisma cannot say:
// with 150 clients, Prisma's row mapping of these result sets cost ~5× the
// CPU of the raw rows (measured on the bench data), and the
// dashboard's time must not grow much with the caseload.

export type CaseloadAssignment = {
  id: string;
  clientId: string;
  status: AssignmentStatus;
  pausedAt: Date | null;
  endedAt: Date | null;
  scheduleType: ScheduleType;
  startDate: Date;
  dueDate: Date | null;
  endDate: Date | null;
  weekdays: number[];
  dayCount: number | null;
  title: string;
  allowsMultiplePerDay: boolean;
};

/**
 * One query for the whole caseload: active assignments, plus those paused or
 * ended recently enough to still count in the adherence window, with the
 * title and kind of the exact version assigned. `clientIds` come from the
 * caller-scoped client query; the scope is repeated here anyway.
 */
export function loadAssignments(scope: TherapistScope, clientIds: string[], stoppedSince: Date): Promise<CaseloadAssignment[]> {
  return db.$queryRaw<CaseloadAssignment[]>`
    SELECT a."id", a."clientId", a."status"::text AS "status", a."pausedAt", a."endedAt",
      a."scheduleType"::text AS "scheduleType", a."startDate", a."dueDate", a."endDate", a."weekdays", a."dayCount",
      v."title", v."allowsMultiplePerDay"
    FROM "Assignment" a
    JOIN "TemplateVersion" v ON v."id" = a."templateVersionId"
    WHERE a."clientId" = ANY(${clientIds}::text[])
      AND a."therapistId" = ${scope.therapistId}
      AND a."practiceId" = ${scope.practiceId}
      AND (
        a."status" = 'ACTIVE'
        OR (a."status" = 'PAUSED' AND a."pausedAt" >= ${stoppedSince}::timestamp)
        OR (a."status" = 'ENDED' AND a."endedAt" >= ${stoppedSince}::timestamp)
      )
    ORDER BY a."createdAt"`;
}

/**
 * The due dates with a submitted entry since `from`, per assignment, for the
 * whole caseload in one grouped query. The window keeps it to a few weeks of
 * rows per client however long their history is: a range on the
 * (clientId, status, dueOn) index. No upper bound, because a one-off item
 * can be done before its due date. Dates travel as day offsets from `from`
 * (formatting each date in SQL took three times as long) and are turned
 * back into dates once per distinct offset.
 */
export async function loadSubmittedDays(scope: TherapistScope, clientIds: string[], from: LocalDate): Promise<Map<string, Set<LocalDate>>> {
  const rows = await db.$queryRaw<{ assignmentId: string; offsets: number[] }[]>`
    SELECT s."assignmentId", array_agg(s."dueOn" - ${toDbDate(from)}::date) AS "offsets"
    FROM "Submission" s
    WHERE s."clientId" = ANY(${clientIds}::text[])
      AND s."practiceId" = ${scope.practiceId}
      AND s."status" = 'SUBMITTED'
      AND s."dueOn" >= ${toDbDate(from)}::date
    GROUP BY s."assignmentId"`;
  const dates = new Map<number, LocalDate>();
  const dateAt = (offset: number) => {
    let date = dates.get(offset);
    if (date === undefined) dates.set(offset, (date = addDays(from, offset)));
    return date;
  };
  return new Map(rows.map((row) => [row.assignmentId, new Set(row.offsets.map(dateAt))]));
}
