import "server-only";
import { db } from "@/lib/db";
import { AppError, conflict } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { recordEvent } from "@/lib/audit/record-event";
import { isUniqueViolation } from "@/lib/prisma-errors";
import { inspectInvitation } from "./inspect-invitation";
import { hashInvitationToken } from "./tokens";

export class InvitationUnusable extends AppError {
  constructor(readonly reason: "invalid" | "expired" | "used" | "revoked") {
    super("invalid", "This invitation link can no longer be used.");
  }
}

/**
 * Turns an invitation into a client account. Claiming the invitation is a
 * single conditional update, so two simultaneous submissions of the same link
 * create exactly one account.
 */
export async function acceptInvitation(input: { token: string; password: string }, now = new Date()) {
  const passwordHash = await hashPassword(input.password);
  const tokenHash = hashInvitationToken(input.token);
  try {
    return await db.$transaction(async (tx) => {
      const claimed = await tx.invitation.updateMany({
        where: { tokenHash, usedAt: null, revokedAt: null, expiresAt: { gt: now }, client: { status: "INVITED" } },
        data: { usedAt: now },
      });
      if (claimed.count !== 1) {
        const state = await inspectInvitation(input.token, now);
        throw new InvitationUnusable(state.status === "valid" ? "used" : state.status);
      }
      const invitation = await tx.invitation.findUniqueOrThrow({
        where: { tokenHash },
        select: { id: true, client: { select: { id: true, email: true, displayName: true, timeZone: true, practiceId: true } } },
      });
      const { client } = invitation;
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
        subjectId: invitation.id,
      });
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(
        "This email address already has a Trellis account, so the invitation cannot create another. Please ask your therapist to invite a different address.",
      );
    }
    throw error;
  }
}
