import "server-only";
import { recordEvent } from "@/lib/audit/record-event";
import { db, type Tx } from "@/lib/db";
import { conflict } from "@/lib/errors";
import { revokeUserSessions } from "@/lib/sessions/revoke-sessions";
import type { TwoFactorCaller } from "./caller";
import { admitAccountCodeAttempt, wrongCode } from "./code-failure";
import { hashRecoveryCode, newRecoveryCodes, normaliseRecoveryCode } from "./recovery-codes";
import { clearCodeAttempts } from "./throttle";
import { matchTotpStep } from "./totp";

const START_AGAIN = "Setting up was interrupted. Start again to get a new QR code.";

/**
 * Turns two-step sign-in on once the person proves their app has the secret.
 * Returns the recovery codes, which exist in plain text only in this answer.
 * Every other session of the person ends: whoever else was signed in would
 * otherwise stay in without the second factor.
 */
export async function confirmTwoFactorEnrolment(caller: TwoFactorCaller, code: string): Promise<{ recoveryCodes: string[] }> {
  await admitAccountCodeAttempt(caller, "enrol");
  const user = await db.user.findUnique({
    where: { id: caller.userId },
    select: { totpSecret: true, totpPendingSecret: true },
  });
  const pending = user?.totpPendingSecret;
  if (!pending || user.totpSecret) throw conflict(START_AGAIN);

  const step = matchTotpStep(pending, code);
  if (step === null) {
    throw await wrongCode(caller, "enrol", "That code didn't match. Check the time on your phone and try the newest code.", {
      code: ["That code didn't match. Try the newest code from your app."],
    });
  }

  const recoveryCodes = newRecoveryCodes();
  await db.$transaction(async (tx) => {
    // Conditional on the same pending secret, so two confirmations in
    // parallel (or a restart in between) cannot both turn it on.
    const { count } = await tx.user.updateMany({
      where: { id: caller.userId, totpSecret: null, totpPendingSecret: pending },
      data: { totpSecret: pending, totpPendingSecret: null, totpEnabledAt: new Date(), totpLastStep: step },
    });
    if (count !== 1) throw conflict(START_AGAIN);
    await replaceRecoveryCodes(tx, caller.userId, recoveryCodes);
    await revokeUserSessions(tx, caller.userId, { exceptSessionId: caller.sessionId });
    await recordEvent(tx, {
      practiceId: caller.practiceId,
      actorId: caller.userId,
      action: "two_factor.enabled",
      subjectType: "user",
      subjectId: caller.userId,
      address: caller.address,
    });
  });
  await clearCodeAttempts(caller.userId, caller.address);
  return { recoveryCodes };
}

export async function replaceRecoveryCodes(tx: Pick<Tx, "recoveryCode">, userId: string, codes: string[]): Promise<void> {
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({
    data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(normaliseRecoveryCode(code)!) })),
  });
}
