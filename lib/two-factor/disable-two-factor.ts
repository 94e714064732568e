import "server-only";
import { recordEvent } from "@/lib/audit/record-event";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { conflict, invalid } from "@/lib/errors";
import { revokeUserSessions } from "@/lib/sessions/revoke-sessions";
import type { TwoFactorCaller } from "./caller";
import { admitAccountCodeAttempt, wrongCode } from "./code-failure";
import { clearCodeAttempts } from "./throttle";
import { verifySecondFactor } from "./verify-code";

const NO_MATCH = "That password and code don't match. Check both and try again.";

/**
 * Turns two-step sign-in off. Needs the password and a code, so a session left
 * open on someone else's computer is not enough. The password is checked
 * first, and a code is only used up once the password is right.
 */
export async function disableTwoFactor(
  caller: TwoFactorCaller,
  input: { password: string; code: string },
): Promise<void> {
  await admitAccountCodeAttempt(caller, "disable");
  const user = await db.user.findUnique({
    where: { id: caller.userId },
    select: { passwordHash: true, totpSecret: true, role: true, practice: { select: { requireTwoFactor: true } } },
  });
  if (!user?.totpSecret) throw conflict("Two-step sign-in is already off.");
  if (user.role === "THERAPIST" && user.practice.requireTwoFactor) {
    throw invalid("Your practice requires two-step sign-in for therapists, so it can't be turned off.");
  }

  const passwordRight = await verifyPassword(user.passwordHash, input.password);
  const codeRight =
    passwordRight && (await verifySecondFactor({ id: caller.userId, totpSecret: user.totpSecret }, input.code));
  if (!codeRight) throw await wrongCode(caller, "disable", NO_MATCH);

  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: caller.userId },
      data: { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null },
    });
    await tx.recoveryCode.deleteMany({ where: { userId: caller.userId } });
    await revokeUserSessions(tx, caller.userId, { exceptSessionId: caller.sessionId });
    await recordEvent(tx, {
      practiceId: caller.practiceId,
      actorId: caller.userId,
      action: "two_factor.disabled",
      subjectType: "user",
      subjectId: caller.userId,
      address: caller.address,
    });
  });
  await clearCodeAttempts(caller.userId, caller.address);
}
