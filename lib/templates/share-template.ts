import "server-only";
import { recordEvent } from "@/lib/audit/record-event";
import { db } from "@/lib/db";
import { invalid, notFound } from "@/lib/errors";
import type { TherapistScope } from "@/lib/clients/scope";

export const ASSIGNED_BY_COLLEAGUES =
  "A colleague has assigned this exercise, so it stays in the practice library. Duplicate it to make a draft of your own.";

/**
 * Puts the caller's own draft into the practice library (every clinician of
 * the practice then sees and assigns it), or takes it back to a draft.
 * Only its author does either, and taking it back is refused once a
 * colleague has assigned it (their homework depends on it being theirs to
 * see). The template row is locked first, so an assignment being created
 * right now (its foreign key holds a KEY SHARE lock) is counted.
 */
export async function setTemplateSharing(
  scope: TherapistScope,
  templateId: string,
  shared: boolean,
  address: string | null = null,
): Promise<{ changed: boolean }> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ sharedWithPractice: boolean }[]>`
      SELECT "sharedWithPractice" FROM "ExerciseTemplate"
      WHERE "id" = ${templateId} AND "practiceId" = ${scope.practiceId} AND "createdById" = ${scope.therapistId}
        AND "archivedAt" IS NULL
      FOR UPDATE`;
    if (rows.length !== 1) throw notFound();
    if (rows[0]!.sharedWithPractice === shared) return { changed: false };
    if (!shared) {
      const byOthers = await tx.assignment.count({ where: { templateId, therapistId: { not: scope.therapistId } } });
      if (byOthers > 0) throw invalid(ASSIGNED_BY_COLLEAGUES);
    }
    await tx.exerciseTemplate.update({ where: { id: templateId }, data: { sharedWithPractice: shared } });
    await recordEvent(tx, {
      practiceId: scope.practiceId,
      actorId: scope.therapistId,
      action: shared ? "template.shared" : "template.unshared",
      subjectType: "ExerciseTemplate",
      subjectId: templateId,
      address,
    });
    return { changed: true };
  });
}
