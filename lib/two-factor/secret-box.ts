// TOTP secrets are stored encrypted (AES-256-GCM), so a copy of the database
// alone — a backup, a leaked dump — cannot produce anyone's codes. The key is
// derived from AUTH_SECRET with HKDF; rotating AUTH_SECRET therefore means
// everyone sets up two-step sign-in again (SECURITY.md says so).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const PREFIX = "v1.";

let cachedKey: { secret: string; key: Buffer } | undefined;

function key(): Buffer {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is required to read two-step sign-in secrets");
  if (cachedKey?.secret !== secret) {
    cachedKey = { secret, key: Buffer.from(hkdfSync("sha256", secret, "trellis", "totp-secret-v1", 32)) };
  }
  return cachedKey.key;
}

/** "v1.<iv>.<tag>.<ciphertext>", base64url parts. */
export function sealSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return PREFIX + [iv, cipher.getAuthTag(), body].map((part) => part.toString("base64url")).join(".");
}

/** The plain secret; a value without the prefix is taken as already plain (rows written before encryption). */
export function openSecret(stored: string): string {
  if (!stored.startsWith(PREFIX)) return stored;
  const [iv, tag, body] = stored.slice(PREFIX.length).split(".").map((part) => Buffer.from(part, "base64url"));
  if (!iv || !tag || !body) throw new Error("A stored two-step sign-in secret is malformed");
  const decipher = createDecipheriv("aes-256-gcm", key(), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
}
