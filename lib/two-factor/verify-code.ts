import "server-only";
import { db } from "@/lib/db";
import { hashRecoveryCode, readSecondFactorCode } from "./recovery-codes";
import { matchTotpStep } from "./totp";

export type SecondFactorMethod = "totp" | "recovery_code";

/**
 * Accepts a TOTP code at most once: the step it belongs to must be newer than
 * the last one accepted, and it is recorded by the same conditional UPDATE
 * that checks it, so two requests with one code cannot both pass.
 */
export async function acceptTotpCode(userId: string, secret: string, code: string, now = Date.now()): Promise<boolean> {
  const step = matchTotpStep(secret, code, now);
  if (step === null) return false;
  const { count } = await db.user.updateMany({
    where: { id: userId, totpSecret: secret, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return count === 1;
}

/** Marks an unused recovery code used, in one statement, so it works exactly once. */
export async function redeemRecoveryCode(userId: string, canonical: string): Promise<boolean> {
  const { count } = await db.recoveryCode.updateMany({
    where: { userId, codeHash: hashRecoveryCode(canonical), usedAt: null },
    data: { usedAt: new Date() },
  });
  return count === 1;
}

/** Checks a typed code (authenticator or recovery) for a user with two-step sign-in on. */
export async function verifySecondFactor(
  user: { id: string; totpSecret: string },
  typed: string,
): Promise<SecondFactorMethod | null> {
  const code = readSecondFactorCode(typed);
  if (!code) return null;
  if (code.kind === "totp") return (await acceptTotpCode(user.id, user.totpSecret, code.code)) ? "totp" : null;
  return (await redeemRecoveryCode(user.id, code.canonical)) ? "recovery_code" : null;
}
