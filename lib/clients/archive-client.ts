import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/audit/record-event";
import { revokeUserSessions } from "@/lib/sessions/revoke-sessions";
import type { TherapistScope } from "./scope";

/**
 * Archives a client: their record stays, open links stop working and any
 * signed-in session of theirs ends.
 */
export async function archiveClient(scope: TherapistScope, clientId: string, now = new Date()) {
  return db.$transaction(async (tx) => {
    const archived = await tx.client.updateMany({
      where: { id: clientId, therapistId: scope.therapistId, practiceId: scope.practiceId, status: { not: "ARCHIVED" } },
      data: { status: "ARCHIVED", archivedAt: now },
    });
    if (archived.count !== 1) throw notFound();
    const client = await tx.client.findFirstOrThrow({
      where: { id: clientId, therapistId: scope.therapistId, practiceId: scope.practiceId },
      select: { userId: true },
    });
    if (client.userId) {
      await tx.user.update({ where: { id: client.userId }, data: { sessionVersion: { increment: 1 } } });
      await revokeUserSessions(tx, client.userId);
    }
    await tx.invitation.updateMany({
      where: { clientId, client: { therapistId: scope.therapistId, practiceId: scope.practiceId }, usedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    await recordEvent(tx, {
      practiceId: scope.practiceId,
      actorId: scope.therapistId,
      action: "client.archived",
      subjectType: "Client",
      subjectId: clientId,
    });
  });
}
