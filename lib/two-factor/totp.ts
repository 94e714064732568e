import { Secret, TOTP } from "otpauth";
import { openSecret, sealSecret } from "./secret-box";

// TOTP as RFC 6238 defines it and every authenticator app expects:
// HMAC-SHA-1, 6 digits, 30-second steps. A code from the step before or after
// the server's is accepted, so a phone clock a little off still works.
const PERIOD_SECONDS = 30;
const DIGITS = 6;
const WINDOW_STEPS = 1;
const ISSUER = "Trellis";

// Every function here takes the secret as stored (sealed, lib/two-factor/secret-box.ts)
// and opens it only for the arithmetic; a plain base32 secret works too.

/** A new 160-bit secret (RFC 4226's recommended length), sealed for storage. */
export function newTotpSecret(): string {
  return sealSecret(new Secret({ size: 20 }).base32);
}

/** The base32 secret as authenticator apps show it, for manual entry by its owner. */
export function readableTotpSecret(stored: string): string {
  return openSecret(stored);
}

function totpFor(stored: string, label = "") {
  const secret = openSecret(stored);
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: "SHA1",
    digits: DIGITS,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function totpUri(secret: string, accountLabel: string): string {
  return totpFor(secret, accountLabel).toString();
}

/** The time step `timestamp` (ms) falls in. */
export function totpStep(timestamp = Date.now()): number {
  return Math.floor(timestamp / 1000 / PERIOD_SECONDS);
}

/**
 * The time step a code belongs to when it is valid now (within one step
 * either side), or null. The caller still has to check the step was not used
 * before (see verify-totp.ts), which is what stops a replay.
 */
export function matchTotpStep(secret: string, code: string, timestamp = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secret).validate({ token: code, timestamp, window: WINDOW_STEPS });
  return delta === null ? null : totpStep(timestamp) + delta;
}

/** The code for a moment (tests and the e2e helper compute codes the same way). */
export function totpCodeAt(secret: string, timestamp = Date.now()): string {
  return totpFor(secret).generate({ timestamp });
}
