import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/audit/record-event";
import { revokeUserSessions } from "./revoke-sessions";
import { sessionHandle } from "./session-handle";

type Caller = { userId: string; sessionId: string; practiceId: string };

/** Sign-out: ends the caller's current session and records it. */
export async function endCurrentSession(caller: Caller, address: string | null) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.authSession.updateMany({
      where: { id: caller.sessionId, userId: caller.userId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) return;
    await recordEvent(tx, {
      practiceId: caller.practiceId,
      actorId: caller.userId,
      action: "sign_out",
      subjectType: "AuthSession",
      subjectId: sessionHandle(caller.sessionId),
      address,
    });
  });
}

/**
 * Ends one of the caller's other sessions, named by its handle. Only the
 * caller's own sessions are looked at, so anyone else's reads as not found.
 */
export async function endOtherSession(caller: Caller, handle: string, address: string | null) {
  await db.$transaction(async (tx) => {
    const open = await tx.authSession.findMany({
      where: { userId: caller.userId, revokedAt: null, id: { not: caller.sessionId } },
      select: { id: true },
    });
    const target = open.find((session) => sessionHandle(session.id) === handle);
    if (!target) throw notFound();
    await tx.authSession.updateMany({
      where: { id: target.id, userId: caller.userId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await recordEvent(tx, {
      practiceId: caller.practiceId,
      actorId: caller.userId,
      action: "session.revoked",
      subjectType: "AuthSession",
      subjectId: handle,
      address,
    });
  });
}

/** "Sign out everywhere else": every session of the caller but this one. */
export async function endOtherSessions(caller: Caller, address: string | null): Promise<number> {
  return db.$transaction(async (tx) => {
    const count = await revokeUserSessions(tx, caller.userId, { exceptSessionId: caller.sessionId });
    await recordEvent(tx, {
      practiceId: caller.practiceId,
      actorId: caller.userId,
      action: "session.revoked",
      subjectType: "User",
      subjectId: caller.userId,
      address,
      metadata: { scope: "others", count: String(count) },
    });
    return count;
  });
}
