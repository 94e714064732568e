import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { TherapistScope } from "@/lib/clients/scope";

/**
 * Takes one of the practice's own exercises out of the library. Homework
 * already assigned keeps working: assignments point at versions, which stay.
 * Built-ins cannot be archived (their practiceId is null, so nothing matches).
 */
export async function archiveTemplate(scope: TherapistScope, templateId: string, now = new Date()): Promise<void> {
  const archived = await db.exerciseTemplate.updateMany({
    where: { id: templateId, practiceId: scope.practiceId, archivedAt: null },
    data: { archivedAt: now },
  });
  if (archived.count !== 1) throw notFound();
}
