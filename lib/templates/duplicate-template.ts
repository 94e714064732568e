import "server-only";
import { recordEvent } from "@/lib/audit/record-event";
import { actionEventContext } from "@/lib/audit/request-context";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { TherapistScope } from "@/lib/clients/scope";
import { toExerciseVersion, versionData, versionSelect } from "./definition";
import { visibleTemplates } from "./scope";
import type { SavedTemplate } from "./save-template";

const TITLE_LIMIT = 120;

export function copyTitle(title: string): string {
  const copy = `Copy of ${title}`;
  return copy.length <= TITLE_LIMIT ? copy : `${copy.slice(0, TITLE_LIMIT - 1).trimEnd()}…`;
}

/**
 * Copies a built-in or one of the practice's own exercises into a new
 * draft of the caller's at version 1, so it can be edited. The copy starts from
 * the source's newest version and remembers where it came from.
 */
export async function duplicateTemplate(scope: TherapistScope, templateId: string): Promise<SavedTemplate> {
  const source = await db.exerciseTemplate.findFirst({
    where: { AND: [{ id: templateId }, visibleTemplates(scope)] },
    select: { id: true, kind: true, versions: { orderBy: { version: "desc" }, take: 1, select: versionSelect } },
  });
  const latest = source?.versions[0];
  if (!source || !latest) throw notFound();

  const current = toExerciseVersion(latest, source.kind);
  const title = copyTitle(current.title);
  const row = versionData({
    ...current.details,
    title,
    kind: current.kind,
    purpose: current.purpose,
    instructions: current.instructions ?? undefined,
    estimatedMinutes: current.estimatedMinutes,
    allowsMultiplePerDay: current.allowsMultiplePerDay,
    fields: current.fields,
  });
  const { address } = await actionEventContext();
  const copy = await db.$transaction(async (tx) => {
    const created = await tx.exerciseTemplate.create({
      data: {
        practiceId: scope.practiceId,
        createdById: scope.therapistId,
        kind: current.kind,
        title,
        basedOnId: source.id,
        // A copy starts as the caller's own draft.
        sharedWithPractice: false,
        versions: { create: { version: 1, ...row } },
      },
      select: { id: true },
    });
    await recordEvent(tx, {
      practiceId: scope.practiceId,
      actorId: scope.therapistId,
      action: "template.created",
      subjectType: "ExerciseTemplate",
      subjectId: created.id,
      address,
      metadata: { copiedFrom: source.id },
    });
    return created;
  });
  return { templateId: copy.id, version: 1, newVersion: true };
}
