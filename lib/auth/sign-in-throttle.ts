import "server-only";
import { hitRateLimit, peekRateLimit, refundRateLimit, resetRateLimit, type RateLimit } from "./rate-limit";

// How sign-in attempts are throttled, so that guessing is slow but a stranger
// can never lock the owner of an account out:
// - per account *and* address: 10 attempts in 15 minutes, then that address
//   is refused for that account (the owner, elsewhere, is unaffected);
// - per address: 100 attempts in 15 minutes across all accounts (spraying);
// - per account, across addresses: after 5 recent failures each further
//   attempt waits a little longer (up to 3 s), which slows a distributed
//   guesser without ever refusing the right password.
// Every attempt is counted before the password is checked, in one atomic
// statement, so parallel guesses cannot get past a limit.
const WINDOW_SECONDS = 15 * 60;

export const signInPairLimit: RateLimit = { prefix: "signin-pair", limit: 10, windowSeconds: WINDOW_SECONDS };
export const signInAddressLimit: RateLimit = { prefix: "signin-ip", limit: 100, windowSeconds: WINDOW_SECONDS };
export const signInAccountFailures: RateLimit = { prefix: "signin-account", limit: Number.MAX_SAFE_INTEGER, windowSeconds: WINDOW_SECONDS };

const FREE_FAILURES = 5;
const DELAY_STEP_MS = 250;
const MAX_DELAY_MS = 3_000;

const pairKey = (email: string, address: string) => `${email}|${address}`;

/** Counts an attempt; false when this address has used up its attempts. */
export async function admitSignInAttempt(email: string, address: string): Promise<boolean> {
  const [pair, byAddress] = await Promise.all([
    hitRateLimit(signInPairLimit, pairKey(email, address)),
    hitRateLimit(signInAddressLimit, address),
  ]);
  return pair.allowed && byAddress.allowed;
}

/** The progressive delay for an account that strangers keep guessing at. */
export async function accountDelayMs(email: string): Promise<number> {
  const failures = await peekRateLimit(signInAccountFailures, email);
  return Math.min(Math.max(0, failures - FREE_FAILURES) * DELAY_STEP_MS, MAX_DELAY_MS);
}

export async function recordFailedSignIn(email: string): Promise<void> {
  await hitRateLimit(signInAccountFailures, email);
}

/**
 * After a correct password: this address starts afresh for this account, and
 * the attempt is given back to the address, so a busy office behind one
 * address is never limited by its own successful sign-ins.
 */
export async function clearSignInAttempts(email: string, address: string): Promise<void> {
  await Promise.all([
    resetRateLimit(signInPairLimit, pairKey(email, address)),
    resetRateLimit(signInAccountFailures, email),
    refundRateLimit(signInAddressLimit, address),
  ]);
}
