import "server-only";
import { recordEvent } from "@/lib/audit/record-event";
import { actionEventContext } from "@/lib/audit/request-context";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { TherapistScope } from "@/lib/clients/scope";
import { editableBy } from "./scope";

/**
 * Takes one of the practice's own exercises out of the library. Homework
 * already assigned keeps working: assignments point at versions, which stay.
 * Built-ins cannot be archived (their practiceId is null, so nothing matches).
 */
export async function archiveTemplate(scope: TherapistScope, templateId: string, now = new Date()): Promise<void> {
  const { address } = await actionEventContext();
  await db.$transaction(async (tx) => {
    const archived = await tx.exerciseTemplate.updateMany({
      where: { id: templateId, ...editableBy(scope), archivedAt: null },
      data: { archivedAt: now },
    });
    if (archived.count !== 1) throw notFound();
    await recordEvent(tx, {
      practiceId: scope.practiceId,
      actorId: scope.therapistId,
      action: "template.archived",
      subjectType: "ExerciseTemplate",
      subjectId: templateId,
      address,
    });
  });
}
