import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { todayIn } from "@/lib/dates/local-date";
import { isId } from "@/lib/validations/text";
import { toExerciseVersion, versionSelect } from "@/lib/templates/definition";
import { scheduleOf, scheduleSelect } from "@/lib/assignments/schedule-of";
import type { ClientScope } from "./client-scope";

/** One of the caller's own assignments with the exact template version it was given with. */
export async function loadOwnAssignment(client: ClientScope, assignmentId: string, now = new Date()) {
  // An id from a URL or a form that no record can have (a NUL byte would even fail in PostgreSQL).
  if (!isId(assignmentId)) throw notFound();
  const assignment = await db.assignment.findFirst({
    where: { id: assignmentId, clientId: client.clientId, practiceId: client.practiceId },
    select: {
      id: true,
      note: true,
      status: true,
      ...scheduleSelect,
      template: { select: { id: true, kind: true, slug: true, basedOn: { select: { slug: true } } } },
      templateVersion: { select: versionSelect },
      therapist: { select: { name: true } },
    },
  });
  if (!assignment) throw notFound();
  return {
    id: assignment.id,
    note: assignment.note,
    status: assignment.status,
    therapistName: assignment.therapist.name,
    schedule: scheduleOf(assignment),
    version: toExerciseVersion(assignment.templateVersion, assignment.template.kind),
    metricPrefix: metricPrefixOf(assignment.template),
    today: todayIn(client.timeZone, now),
  };
}

export type OwnAssignment = Awaited<ReturnType<typeof loadOwnAssignment>>;

/**
 * Measurements are named "<prefix>.<field>". A practice's copy of a built-in
 * keeps the built-in's prefix, so a customised check-in charts with the rest.
 */
function metricPrefixOf(template: { id: string; slug: string | null; basedOn: { slug: string | null } | null }) {
  return template.slug ?? template.basedOn?.slug ?? `custom-${template.id}`;
}
