import "server-only";
import { db } from "@/lib/db";
import { invalid, notFound } from "@/lib/errors";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { recordEvent } from "@/lib/audit/record-event";
import { revokeUserSessions } from "@/lib/sessions/revoke-sessions";

const WRONG = "That is not your current password.";

/**
 * Changes the caller's own password and ends every other session they have
 * (the one making the change, when given, stays signed in).
 */
export async function changePassword(caller: { userId: string; sessionId?: string }, input: { currentPassword: string; newPassword: string }) {
  const user = await db.user.findUnique({
    where: { id: caller.userId },
    select: { id: true, passwordHash: true, practiceId: true, email: true },
  });
  if (!user) throw notFound();
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw invalid(WRONG, { currentPassword: [WRONG] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    await revokeUserSessions(tx, user.id, { exceptSessionId: caller.sessionId });
    await recordEvent(tx, {
      practiceId: user.practiceId,
      actorId: user.id,
      action: "password.changed",
      subjectType: "User",
      subjectId: user.id,
    });
  });
  return { email: user.email };
}
