import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { todayIn, type LocalDate } from "@/lib/dates/local-date";
import type { ExerciseKind } from "@/lib/exercises";
import type { ScheduleType } from "@/lib/generated/prisma/enums";
import { toExerciseVersion, type ExerciseVersion } from "@/lib/templates/definition";
import { isId } from "@/lib/validations/text";
import type { ClientScope } from "./client-scope";
import type { WritableCheck } from "./resolve-entry";

type Row = {
  id: string;
  status: string;
  scheduleType: ScheduleType;
  startDate: string;
  dueDate: string | null;
  endDate: string | null;
  weekdays: number[];
  dayCount: number | null;
  versionId: string;
  templateId: string;
  version: number;
  title: string;
  purpose: string;
  instructions: string | null;
  estimatedMinutes: number;
  allowsMultiplePerDay: boolean;
  fields: unknown;
  details: unknown;
  kind: ExerciseKind;
  entryId: string | null;
  entryStatus: string | null;
  entryDueOn: string | null;
};

// A version never changes once assigned, so its parsed fields can be kept for
// the life of the process (bounded: the oldest entry goes first).
const versions = new Map<string, ExerciseVersion>();
const MAX_CACHED_VERSIONS = 500;

function parsedVersion(row: Row): ExerciseVersion {
  const cached = versions.get(row.versionId);
  if (cached) return cached;
  const parsed = toExerciseVersion({ ...row, id: row.versionId }, row.kind);
  if (versions.size >= MAX_CACHED_VERSIONS) versions.delete(versions.keys().next().value!);
  versions.set(row.versionId, parsed);
  return parsed;
}

export type DraftTarget = {
  assignment: WritableCheck & { id: string; version: ExerciseVersion };
  /** The entry's row, if it has one yet. */
  entry: { id: string; status: string; dueOn: LocalDate } | null;
};

/**
 * Everything a draft save checks before writing, in one statement: one of the
 * caller's own assignments (scoped by client and practice), its template
 * version and the entry's row if there is one. Dates come back as calendar
 * dates (text), as the schedule works in them.
 */
export async function loadDraftTarget(client: ClientScope, assignmentId: string, entryKey: string, now: Date): Promise<DraftTarget> {
  if (!isId(assignmentId)) throw notFound();
  const rows = await db.$queryRaw<Row[]>`
    SELECT a."id", a."status"::text AS "status", a."scheduleType"::text AS "scheduleType",
           a."startDate"::text AS "startDate", a."dueDate"::text AS "dueDate", a."endDate"::text AS "endDate",
           a."weekdays", a."dayCount",
           v."id" AS "versionId", v."templateId", v."version", v."title", v."purpose", v."instructions",
           v."estimatedMinutes", v."allowsMultiplePerDay", v."fields", v."details", t."kind"::text AS "kind",
           s."id" AS "entryId", s."status"::text AS "entryStatus", s."dueOn"::text AS "entryDueOn"
    FROM "Assignment" a
    JOIN "TemplateVersion" v ON v."id" = a."templateVersionId"
    JOIN "ExerciseTemplate" t ON t."id" = a."templateId"
    LEFT JOIN "Submission" s ON s."assignmentId" = a."id" AND s."entryKey" = ${entryKey} AND s."clientId" = ${client.clientId}
    WHERE a."id" = ${assignmentId} AND a."clientId" = ${client.clientId} AND a."practiceId" = ${client.practiceId}`;
  const row = rows[0];
  if (!row) throw notFound();
  const version = parsedVersion(row);
  return {
    assignment: {
      id: row.id,
      status: row.status,
      schedule: {
        type: row.scheduleType,
        startDate: row.startDate,
        dueDate: row.dueDate,
        endDate: row.endDate,
        weekdays: row.weekdays,
        dayCount: row.dayCount,
      },
      today: todayIn(client.timeZone, now),
      allowsMultiplePerDay: version.allowsMultiplePerDay,
      version,
    },
    entry: row.entryId ? { id: row.entryId, status: row.entryStatus!, dueOn: row.entryDueOn! } : null,
  };
}
