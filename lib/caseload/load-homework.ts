import "server-only";
import { db } from "@/lib/db";
import { addDays, toDbDate, type LocalDate } from "@/lib/dates/local-date";
import type { AssignmentStatus, ScheduleType } from "@/lib/generated/prisma/enums";
import type { CaseloadScope } from "./scope";

// Raw SQL, for the array arithmetic below and for speed: with 150 clients,
// Prisma's row mapping of this result set cost ~5× the CPU of the raw rows
// (measured on the bench data), and the dashboard's time must not grow much
// with the caseload.

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
  /** Due dates with a submitted entry on or after `submittedSince`, as days after it. */
  submittedOffsets: number[];
};

/**
 * One query for the whole caseload: active assignments, plus those paused or
 * ended recently enough to still count in the adherence window, with the
 * title and kind of the exact version assigned, and which of their due dates
 * since `submittedSince` have a submitted entry. Those come from the
 * assignment's own recentSubmittedDates (kept by a trigger, see
 * prisma/schema.prisma) rather than from the submissions, and travel as day
 * offsets: formatting each date in SQL or parsing it in JavaScript took
 * several times as long. `clientIds` come from the caller-scoped client
 * query; the scope is repeated here anyway.
 */
export function loadAssignments(
  scope: CaseloadScope,
  clientIds: string[],
  window: { stoppedSince: Date; submittedSince: LocalDate },
): Promise<CaseloadAssignment[]> {
  const since = toDbDate(window.submittedSince);
  return db.$queryRaw<CaseloadAssignment[]>`
    SELECT a."id", a."clientId", a."status"::text AS "status", a."pausedAt", a."endedAt",
      a."scheduleType"::text AS "scheduleType", a."startDate", a."dueDate", a."endDate", a."weekdays", a."dayCount",
      v."title", v."allowsMultiplePerDay",
      ARRAY(
        SELECT d - ${since}::date FROM unnest(a."recentSubmittedDates") AS d WHERE d >= ${since}::date
      ) AS "submittedOffsets"
    FROM "Assignment" a
    JOIN "TemplateVersion" v ON v."id" = a."templateVersionId"
    WHERE a."clientId" = ANY(${clientIds}::text[])
      AND a."therapistId" = ANY(${[...scope.therapistIds]}::text[])
      AND a."practiceId" = ${scope.practiceId}
      AND (
        a."status" = 'ACTIVE'
        OR (a."status" = 'PAUSED' AND a."pausedAt" >= ${window.stoppedSince}::timestamp)
        OR (a."status" = 'ENDED' AND a."endedAt" >= ${window.stoppedSince}::timestamp)
      )
    ORDER BY a."createdAt"`;
}

/**
 * The submitted due dates per assignment, turning each distinct offset back
 * into a date once (150 clients share about 30 of them).
 */
export function submittedDaysOf(assignments: readonly CaseloadAssignment[], since: LocalDate): Map<string, Set<LocalDate>> {
  const dates = new Map<number, LocalDate>();
  const dateAt = (offset: number) => {
    let date = dates.get(offset);
    if (date === undefined) dates.set(offset, (date = addDays(since, offset)));
    return date;
  };
  return new Map(assignments.map((row) => [row.id, new Set(row.submittedOffsets.map(dateAt))]));
}
