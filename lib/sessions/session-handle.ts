import { createHash } from "node:crypto";

/**
 * What pages, forms and the audit trail call a session: a digest of its id.
 * The id itself stays in the encrypted cookie and the database only.
 */
export function sessionHandle(sessionId: string): string {
  return createHash("sha256").update(sessionId).digest("base64url").slice(0, 22);
}
