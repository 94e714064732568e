import "server-only";
import { db } from "@/lib/db";
import { conflict } from "@/lib/errors";
import type { TwoFactorCaller } from "./caller";
import { newTotpSecret } from "./totp";

/**
 * Puts a new secret aside for the person to scan. Two-step sign-in is not on
 * until they confirm it with a first code; starting again replaces the secret.
 */
export async function startTwoFactorEnrolment(caller: Pick<TwoFactorCaller, "userId">): Promise<void> {
  const { count } = await db.user.updateMany({
    where: { id: caller.userId, totpSecret: null },
    data: { totpPendingSecret: newTotpSecret() },
  });
  if (count !== 1) throw conflict("Two-step sign-in is already on for your account.");
}
