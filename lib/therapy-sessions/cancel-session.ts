import "server-only";
import { recordEvent } from "@/lib/audit/record-event";
import type { TherapistScope } from "@/lib/clients/scope";
import { db } from "@/lib/db";
import { invalid, notFound } from "@/lib/errors";
import type { CancelSessionInput } from "./schemas";

/**
 * Cancels one occurrence, or it and every later one of its series. Scoped
 * through the client's primary clinician (after a hand-over the new clinician
 * manages the sessions the old one booked). Cancelled rows stay, marked.
 */
export async function cancelSession(scope: TherapistScope, input: CancelSessionInput, now: Date = new Date()) {
  const session = await db.therapySession.findFirst({
    where: { id: input.sessionId, practiceId: scope.practiceId, client: { therapistId: scope.therapistId } },
    select: { id: true, clientId: true, startsAt: true, seriesId: true, cancelledAt: true },
  });
  if (!session) throw notFound();
  if (session.cancelledAt) throw invalid("This session is already cancelled.");

  const rest = input.which === "rest" && session.seriesId !== null;
  const cancelled = await db.$transaction(async (tx) => {
    const { count } = await tx.therapySession.updateMany({
      where: rest
        ? { practiceId: scope.practiceId, clientId: session.clientId, seriesId: session.seriesId!, startsAt: { gte: session.startsAt }, cancelledAt: null }
        : { id: session.id, practiceId: scope.practiceId, cancelledAt: null },
      data: { cancelledAt: now },
    });
    await recordEvent(tx, {
      practiceId: scope.practiceId,
      actorId: scope.therapistId,
      action: "session.cancelled",
      subjectType: "TherapySession",
      subjectId: session.id,
      clientId: session.clientId,
      metadata: { which: rest ? "rest" : "one", count: String(count) },
    });
    return count;
  });
  return { cancelled, clientId: session.clientId };
}
