import "server-only";
import { getClient } from "@/lib/clients/get-client";
import type { TherapistScope } from "@/lib/clients/scope";
import { db } from "@/lib/db";
import type { ClientScope } from "@/lib/homework/client-scope";
import { CLIENT_VISIBLE_VIEWS } from "./describe-event";

/** Long enough for a clinic's review; older events stay in the table. */
export const ACCESS_HISTORY_LIMIT = 100;

const eventSelect = {
  id: true,
  action: true,
  outcome: true,
  address: true,
  createdAt: true,
  actor: { select: { id: true, name: true, role: true, practiceRole: true } },
} as const;

function capped<T>(rows: T[]) {
  return { events: rows.slice(0, ACCESS_HISTORY_LIMIT), more: rows.length > ACCESS_HISTORY_LIMIT };
}

/**
 * Everything the trail holds about one of the caller's clients, newest first.
 * Someone else's client reads as not found (getClient). Only events of the
 * caller's own practice: another practice's refused attempts stay in theirs.
 */
export async function listClientAccessHistory(scope: TherapistScope, clientId: string) {
  const client = await getClient(scope, clientId);
  const rows = await db.auditEvent.findMany({
    where: { clientId: client.id, practiceId: scope.practiceId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: ACCESS_HISTORY_LIMIT + 1,
    select: eventSelect,
  });
  return { client, ...capped(rows) };
}

/**
 * "Who has seen my entries": the looks other people took at the caller's own
 * record (their own visits are not listed), newest first.
 */
export async function listViewsOfMyRecord(scope: Pick<ClientScope, "clientId" | "userId" | "practiceId">) {
  const rows = await db.auditEvent.findMany({
    where: {
      clientId: scope.clientId,
      practiceId: scope.practiceId,
      outcome: "success",
      action: { in: Object.keys(CLIENT_VISIBLE_VIEWS) },
      actorId: { not: scope.userId },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: ACCESS_HISTORY_LIMIT + 1,
    select: eventSelect,
  });
  return capped(rows);
}
