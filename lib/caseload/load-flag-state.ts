import "server-only";
import { db } from "@/lib/db";
import type { CaseloadScope } from "./scope";
import type { LatestAcknowledgements } from "./attention-flags";

/** Open safety flags of the given clients, oldest first (the (clientId, acknowledgedAt) index). */
export function loadOpenSafetyFlags(scope: CaseloadScope, clientIds: string[]) {
  return db.safetyFlag.findMany({
    where: { clientId: { in: clientIds }, practiceId: scope.practiceId, client: { therapistId: { in: [...scope.therapistIds] } }, acknowledgedAt: null },
    orderBy: { raisedAt: "asc" },
    select: { id: true, clientId: true, raisedAt: true },
  });
}

/** The newest acknowledgement per client and kind, in one grouped query on (clientId, kind, createdAt). */
export async function loadLatestAcknowledgements(
  scope: CaseloadScope,
  clientIds: string[],
): Promise<Map<string, LatestAcknowledgements>> {
  const rows = await db.flagAcknowledgement.groupBy({
    by: ["clientId", "kind"],
    where: { clientId: { in: clientIds }, practiceId: scope.practiceId, client: { therapistId: { in: [...scope.therapistIds] } } },
    _max: { createdAt: true },
  });
  const latest = new Map<string, LatestAcknowledgements>();
  for (const row of rows) {
    if (!row._max.createdAt) continue;
    latest.set(row.clientId, { ...latest.get(row.clientId), [row.kind]: row._max.createdAt });
  }
  return latest;
}
