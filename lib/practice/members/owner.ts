import "server-only";
import type { Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";

/** The practice owner acting on the practice's members and settings. */
export type OwnerScope = { ownerId: string; practiceId: string };

export function ownerScope(identity: { userId: string; practiceId: string }): OwnerScope {
  return { ownerId: identity.userId, practiceId: identity.practiceId };
}

/**
 * Checks in the database, inside the caller's transaction, that the caller is
 * still an active owner of this practice, and holds a share lock on their row
 * so they cannot be deactivated or demoted until the change commits. The
 * action wrapper already checked the role of the session; this is the data
 * function's own check (a stale session must not manage members).
 */
export async function lockOwner(tx: Tx, scope: OwnerScope): Promise<void> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "User"
    WHERE "id" = ${scope.ownerId} AND "practiceId" = ${scope.practiceId}
      AND "role" = 'THERAPIST' AND "practiceRole" = 'OWNER' AND "deactivatedAt" IS NULL
    FOR SHARE`;
  if (rows.length !== 1) throw notFound();
}
