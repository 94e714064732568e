import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { TherapistScope } from "@/lib/clients/scope";

/** Records that the therapist has seen a safety flag and what they did. */
export async function acknowledgeSafetyFlag(scope: TherapistScope, input: { flagId: string; note: string | null }, now = new Date()) {
  const updated = await db.safetyFlag.updateMany({
    where: { id: input.flagId, acknowledgedAt: null, practiceId: scope.practiceId, client: { therapistId: scope.therapistId } },
    data: { acknowledgedAt: now, acknowledgedById: scope.therapistId, note: input.note },
  });
  if (updated.count !== 1) throw notFound();
}
