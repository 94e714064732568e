import "server-only";
import type { Tx } from "@/lib/db";
import { recordEvent } from "@/lib/audit/record-event";
import { actionEventContext } from "@/lib/audit/request-context";
import { hashInvitationToken, INVITATION_LIFETIME_MS, newInvitationToken } from "./tokens";

/**
 * Creates a fresh single-use link for a client and revokes any earlier unused
 * one, so only the newest link works. Returns the token, which exists only
 * in the link from here on. The caller has already checked ownership.
 */
export async function issueInvitation(
  tx: Tx,
  args: { clientId: string; practiceId: string; createdById: string; now?: Date },
): Promise<{ token: string; expiresAt: Date }> {
  const now = args.now ?? new Date();
  const { address } = await actionEventContext();
  await tx.invitation.updateMany({
    where: { clientId: args.clientId, usedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  const token = newInvitationToken();
  const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS);
  const invitation = await tx.invitation.create({
    data: { clientId: args.clientId, createdById: args.createdById, tokenHash: hashInvitationToken(token), expiresAt },
  });
  await recordEvent(tx, {
    practiceId: args.practiceId,
    actorId: args.createdById,
    action: "invitation.issued",
    subjectType: "Invitation",
    subjectId: invitation.id,
    clientId: args.clientId,
    address,
  });
  return { token, expiresAt };
}
