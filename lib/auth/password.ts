import "server-only";
import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (19 MiB, 2 iterations), the OWASP
// minimum; fast enough on 2 cores to keep sign-in under ~50 ms.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when no user has the email, so a wrong email takes as
// long as a wrong password and timing does not reveal who has an account.
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hash("decoy-password-for-timing");
  return decoyHash;
}
