import "server-only";
import { recordEvent } from "@/lib/audit/record-event";
import { actionEventContext } from "@/lib/audit/request-context";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { TherapistScope } from "@/lib/clients/scope";

/** Records that the therapist has seen a safety flag and what they did. */
export async function acknowledgeSafetyFlag(scope: TherapistScope, input: { flagId: string; note: string | null }, now = new Date()) {
  const { address } = await actionEventContext();
  await db.$transaction(async (tx) => {
    const updated = await tx.safetyFlag.updateManyAndReturn({
      where: { id: input.flagId, acknowledgedAt: null, practiceId: scope.practiceId, client: { therapistId: scope.therapistId } },
      data: { acknowledgedAt: now, acknowledgedById: scope.therapistId, note: input.note },
      select: { id: true, clientId: true },
    });
    const flag = updated[0];
    if (updated.length !== 1 || !flag) throw notFound();
    // The note stays out of the trail: it may hold clinical detail.
    await recordEvent(tx, {
      practiceId: scope.practiceId,
      actorId: scope.therapistId,
      action: "flag.acknowledged",
      subjectType: "SafetyFlag",
      subjectId: flag.id,
      clientId: flag.clientId,
      address,
      metadata: { kind: "SAFETY" },
    });
  });
}
