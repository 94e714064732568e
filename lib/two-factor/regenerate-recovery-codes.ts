import "server-only";
import { recordEvent } from "@/lib/audit/record-event";
import { db } from "@/lib/db";
import { conflict } from "@/lib/errors";
import type { TwoFactorCaller } from "./caller";
import { admitAccountCodeAttempt, wrongCode } from "./code-failure";
import { replaceRecoveryCodes } from "./confirm-enrolment";
import { newRecoveryCodes } from "./recovery-codes";
import { clearCodeAttempts } from "./throttle";
import { verifySecondFactor } from "./verify-code";

/** New recovery codes for a current code; the old ones stop working. */
export async function regenerateRecoveryCodes(caller: TwoFactorCaller, code: string): Promise<{ recoveryCodes: string[] }> {
  await admitAccountCodeAttempt(caller, "recovery_codes");
  const user = await db.user.findUnique({ where: { id: caller.userId }, select: { totpSecret: true } });
  if (!user?.totpSecret) throw conflict("Two-step sign-in is off, so there are no recovery codes to replace.");

  if (!(await verifySecondFactor({ id: caller.userId, totpSecret: user.totpSecret }, code))) {
    throw await wrongCode(caller, "recovery_codes", "That code didn't work. Try the newest code from your app.", {
      code: ["That code didn't work. Try the newest code from your app."],
    });
  }

  const recoveryCodes = newRecoveryCodes();
  await db.$transaction(async (tx) => {
    await replaceRecoveryCodes(tx, caller.userId, recoveryCodes);
    await recordEvent(tx, {
      practiceId: caller.practiceId,
      actorId: caller.userId,
      action: "two_factor.recovery_codes_regenerated",
      subjectType: "user",
      subjectId: caller.userId,
      address: caller.address,
    });
  });
  await clearCodeAttempts(caller.userId, caller.address);
  return { recoveryCodes };
}
