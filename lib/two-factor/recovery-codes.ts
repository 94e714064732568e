import { createHash, randomBytes } from "node:crypto";

// Recovery codes: 10 characters from a 32-symbol alphabet (50 random bits),
// shown as "xxxxx-xxxxx". The alphabet leaves out i, l, o and u, and reading
// a code back maps o→0 and i/l→1, so a code copied by hand from paper works.
// Only a SHA-256 of each code is stored: with 50 random bits a slow hash adds
// nothing, and guessing is throttled like passwords.
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
const CODE_LENGTH = 10;
export const RECOVERY_CODE_COUNT = 10;

export function newRecoveryCode(): string {
  const bytes = randomBytes(CODE_LENGTH);
  // 256 is a multiple of 32, so `& 31` keeps every symbol equally likely.
  const symbols = Array.from(bytes, (byte) => ALPHABET[byte & 31]).join("");
  return `${symbols.slice(0, 5)}-${symbols.slice(5)}`;
}

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(newRecoveryCode());
  return [...codes];
}

/** The canonical form of a typed recovery code, or null when it cannot be one. */
export function normaliseRecoveryCode(typed: string): string | null {
  const canonical = typed
    .toLowerCase()
    .replace(/[\s-]/g, "")
    .replace(/o/g, "0")
    .replace(/[il]/g, "1");
  return canonical.length === CODE_LENGTH && [...canonical].every((symbol) => ALPHABET.includes(symbol))
    ? canonical
    : null;
}

export function hashRecoveryCode(canonical: string): string {
  return createHash("sha256").update(canonical).digest("hex");
}

export type SecondFactorCode = { kind: "totp"; code: string } | { kind: "recovery"; canonical: string };

/** Tells a 6-digit authenticator code from a recovery code; null when it is neither. */
export function readSecondFactorCode(typed: string): SecondFactorCode | null {
  const compact = typed.replace(/[\s-]/g, "");
  if (/^\d{6}$/.test(compact)) return { kind: "totp", code: compact };
  const canonical = normaliseRecoveryCode(typed);
  return canonical ? { kind: "recovery", canonical } : null;
}
