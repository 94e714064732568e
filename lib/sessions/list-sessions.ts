import "server-only";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { Role } from "@/lib/generated/prisma/enums";
import { sessionHandle } from "./session-handle";

export type SessionCaller = { userId: string; sessionId: string; role: Role };

export type OpenSession = {
  handle: string;
  device: string;
  address: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
};

export function idleMinutesFor(role: Role): number {
  const env = getEnv();
  return role === "THERAPIST" ? env.SESSION_IDLE_MINUTES_THERAPIST : env.SESSION_IDLE_MINUTES_CLIENT;
}

/** The caller's own sessions that could still be used: not revoked, not expired, not idled out. */
export async function listOpenSessions(caller: SessionCaller, now = new Date()): Promise<OpenSession[]> {
  const idleSince = new Date(now.getTime() - idleMinutesFor(caller.role) * 60_000);
  const rows = await db.authSession.findMany({
    where: { userId: caller.userId, revokedAt: null, expiresAt: { gt: now }, lastSeenAt: { gt: idleSince } },
    select: { id: true, device: true, address: true, createdAt: true, lastSeenAt: true },
    orderBy: [{ lastSeenAt: "desc" }, { createdAt: "desc" }],
    take: 50,
  });
  return rows
    .map((row) => ({
      handle: sessionHandle(row.id),
      device: row.device ?? "Unknown device",
      address: row.address,
      createdAt: row.createdAt,
      lastSeenAt: row.lastSeenAt,
      current: row.id === caller.sessionId,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}
