import "server-only";
import { hitRateLimit, resetRateLimit, type RateLimit } from "@/lib/auth/rate-limit";

// Wrong codes are throttled like passwords: 10 tries per account and address
// in 15 minutes, counted atomically before the code is checked. Shared by the
// sign-in step and the account page (confirming, new recovery codes, turning
// it off), so a stolen session cannot be used to guess a code faster.
export const twoFactorCodeLimit: RateLimit = { prefix: "2fa-pair", limit: 10, windowSeconds: 15 * 60 };

const pairKey = (userId: string, address: string) => `${userId}|${address}`;

/** Counts one try; false when this address has used up its tries for this account. */
export async function admitCodeAttempt(userId: string, address: string): Promise<boolean> {
  return (await hitRateLimit(twoFactorCodeLimit, pairKey(userId, address))).allowed;
}

export async function clearCodeAttempts(userId: string, address: string): Promise<void> {
  await resetRateLimit(twoFactorCodeLimit, pairKey(userId, address));
}
