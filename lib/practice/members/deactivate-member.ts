import "server-only";
import { recordEvent } from "@/lib/audit/record-event";
import { db } from "@/lib/db";
import { invalid, notFound } from "@/lib/errors";
import { revokeUserSessions } from "@/lib/sessions/revoke-sessions";
import { lockOwner, type OwnerScope } from "./owner";

export const HAND_OVER_FIRST = "Hand their clients over to a colleague first: a member with clients cannot be deactivated.";
export const NOT_YOURSELF = "You can't deactivate yourself. Ask another owner to do it.";
export const LAST_OWNER = "The practice needs at least one active owner.";

/**
 * A colleague who left: they can no longer sign in, every open session ends
 * at once, and they stop supervising or being supervised. Their history
 * stays. Refused for the caller themselves, the last active owner, and anyone
 * who is still the primary clinician of a client (hand those over first).
 */
export async function deactivateMember(scope: OwnerScope, memberId: string, address: string | null = null, now = new Date()) {
  if (memberId === scope.ownerId) throw invalid(NOT_YOURSELF);
  await db.$transaction(async (tx) => {
    await lockOwner(tx, scope);
    // Lock the member's row: a handover to them or a concurrent deactivation waits.
    const member = await tx.$queryRaw<{ id: string; practiceRole: string }[]>`
      SELECT "id", "practiceRole"::text AS "practiceRole" FROM "User"
      WHERE "id" = ${memberId} AND "practiceId" = ${scope.practiceId} AND "role" = 'THERAPIST' AND "deactivatedAt" IS NULL
      FOR UPDATE`;
    if (member.length !== 1) throw notFound();
    if (member[0]!.practiceRole === "OWNER") {
      const owners = await tx.user.count({
        where: { practiceId: scope.practiceId, practiceRole: "OWNER", deactivatedAt: null, id: { not: memberId } },
      });
      if (owners === 0) throw invalid(LAST_OWNER);
    }
    const clients = await tx.client.count({ where: { therapistId: memberId, practiceId: scope.practiceId, status: { not: "ARCHIVED" } } });
    if (clients > 0) throw invalid(HAND_OVER_FIRST);
    await tx.user.update({ where: { id: memberId }, data: { deactivatedAt: now, sessionVersion: { increment: 1 } } });
    await revokeUserSessions(tx, memberId);
    await tx.supervision.deleteMany({ where: { practiceId: scope.practiceId, OR: [{ supervisorId: memberId }, { clinicianId: memberId }] } });
    await tx.staffInvitation.updateMany({ where: { createdById: memberId, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
    await recordEvent(tx, {
      practiceId: scope.practiceId,
      actorId: scope.ownerId,
      action: "member.deactivated",
      subjectType: "User",
      subjectId: memberId,
      address,
    });
  });
}
