import "server-only";
import { db, type Tx } from "@/lib/db";

/**
 * Ends every open session of a user (password change or reset, a change of
 * two-factor sign-in, archiving), optionally keeping the caller's own. A
 * revoked session is refused on its next request, on every app instance.
 */
export async function revokeUserSessions(
  client: Pick<Tx, "authSession"> | undefined,
  userId: string,
  options: { exceptSessionId?: string } = {},
): Promise<number> {
  const { count } = await (client ?? db).authSession.updateMany({
    where: {
      userId,
      revokedAt: null,
      ...(options.exceptSessionId ? { id: { not: options.exceptSessionId } } : {}),
    },
    data: { revokedAt: new Date() },
  });
  return count;
}
