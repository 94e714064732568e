import "server-only";
import { recordEvent } from "@/lib/audit/record-event";
import { actionEventContext } from "@/lib/audit/request-context";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { acknowledgeSafetyFlag } from "@/lib/safety/acknowledge-flag";
import type { TherapistScope } from "@/lib/clients/scope";
import type { AcknowledgeCaseloadFlagInput } from "@/lib/validations/caseload";

/**
 * Records the therapist's acknowledgement of a flag on one of their own
 * active clients. A safety flag is closed through lib/safety (its own
 * record); a computed flag gets a FlagAcknowledgement row, which quiets it
 * until its condition arises again (lib/caseload/attention-flags). Another
 * therapist's client reads as not found.
 */
export async function acknowledgeCaseloadFlag(scope: TherapistScope, input: AcknowledgeCaseloadFlagInput, now = new Date()) {
  if (input.kind === "SAFETY") {
    await acknowledgeSafetyFlag(scope, { flagId: input.flagId, note: input.note }, now);
    return;
  }
  const client = await db.client.findFirst({
    where: { id: input.clientId, therapistId: scope.therapistId, practiceId: scope.practiceId, status: "ACTIVE" },
    select: { id: true },
  });
  if (!client) throw notFound();
  const { address } = await actionEventContext();
  await db.$transaction(async (tx) => {
    const acknowledgement = await tx.flagAcknowledgement.create({
      data: {
        practiceId: scope.practiceId,
        clientId: client.id,
        kind: input.kind,
        note: input.note,
        acknowledgedById: scope.therapistId,
        createdAt: now,
      },
      select: { id: true },
    });
    await recordEvent(tx, {
      practiceId: scope.practiceId,
      actorId: scope.therapistId,
      action: "flag.acknowledged",
      subjectType: "FlagAcknowledgement",
      subjectId: acknowledgement.id,
      clientId: client.id,
      address,
      metadata: { kind: input.kind },
    });
  });
}
