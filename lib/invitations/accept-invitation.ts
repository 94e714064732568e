import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError, conflict } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { recordEvent } from "@/lib/audit/record-event";
import { isUniqueViolation } from "@/lib/prisma-errors";
import { hashInvitationToken } from "./tokens";

export class InvitationUnusable extends AppError {
  constructor(readonly reason: "invalid" | "expired" | "used" | "revoked") {
    super("invalid", "This invitation link can no longer be used.");
  }
}

/**
 * Claims an open invitation and creates its client account, inside the
 * caller's transaction. Claiming is a single conditional update, so two
 * simultaneous claims of the same invitation create exactly one account;
 * the loser gets InvitationUnusable("used") or the real reason.
 * Throws the database's unique violation when the address has an account.
 */
export async function claimInvitation(
  tx: Tx,
  invitation: { id: string } | { tokenHash: string },
  passwordHash: string,
  now: Date,
) {
  const claimed = await tx.invitation.updateMany({
    where: { ...invitation, usedAt: null, revokedAt: null, expiresAt: { gt: now }, client: { status: "INVITED" } },
    data: { usedAt: now },
  });
  const row = await tx.invitation.findUnique({
    where: invitation,
    select: {
      id: true,
      usedAt: true,
      revokedAt: true,
      expiresAt: true,
      client: { select: { id: true, email: true, displayName: true, timeZone: true, practiceId: true, status: true } },
    },
  });
  if (claimed.count !== 1 || !row) throw new InvitationUnusable(unusableReason(row, now));
  const { client } = row;
  const user = await tx.user.create({
    data: {
      email: client.email,
      name: client.displayName,
      timeZone: client.timeZone,
      role: "CLIENT",
      passwordHash,
      practiceId: client.practiceId,
    },
    select: { id: true, email: true },
  });
  await tx.client.update({ where: { id: client.id }, data: { status: "ACTIVE", userId: user.id } });
  await recordEvent(tx, {
    practiceId: client.practiceId,
    actorId: user.id,
    action: "invitation.accepted",
    subjectType: "Invitation",
    subjectId: row.id,
    clientId: client.id,
  });
  return { ...user, clientId: client.id, practiceId: client.practiceId };
}

function unusableReason(
  row: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date; client: { status: string } } | null,
  now: Date,
): InvitationUnusable["reason"] {
  if (!row) return "invalid";
  if (row.usedAt) return "used";
  if (row.revokedAt || row.client.status === "ARCHIVED") return "revoked";
  if (row.expiresAt <= now) return "expired";
  return "used";
}

/**
 * Turns an invitation into a client account at once, without an e-mail
 * confirmation: for seeds, benchmarks and tests. People join through
 * lib/accounts/request-client-account.ts and the confirmation link.
 */
export async function acceptInvitation(input: { token: string; password: string }, now = new Date()) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction((tx) => claimInvitation(tx, { tokenHash: hashInvitationToken(input.token) }, passwordHash, now));
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(
        "This email address already has a Trellis account, so the invitation cannot create another. Please ask your therapist to invite a different address.",
      );
    }
    throw error;
  }
}
