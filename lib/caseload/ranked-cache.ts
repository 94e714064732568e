import "server-only";
import { db } from "@/lib/db";
import type { CaseloadScope } from "./scope";
import type { CaseloadEntry } from "./types";

/**
 * A practice-wide caseload (an owner's or supervisor's: thousands of clients)
 * ranked once and reused while nothing it shows can have changed, so such a
 * page costs about what one clinician's does.
 *
 * Whether anything changed is one aggregate over the clients' rows, computed
 * in PostgreSQL (nothing per client travels): how many active clients, the
 * sum of their caseload versions (triggers bump a client's version on every
 * change its row shows, and versions only grow, so any change moves the sum)
 * and a checksum of the fields a row shows besides (id, clinician, name,
 * zone, account). The key also holds the quarter hour: every time zone's
 * midnight falls on one, so a client's new day is never missed.
 */
export type RankedCaseload = { rows: CaseloadEntry[]; activeClients: number; openFlags: number };

const MAX_ENTRIES = 50;
const QUARTER_HOUR_MS = 15 * 60 * 1000;
const entries = new Map<string, RankedCaseload>();

export async function rankedCacheKey(scope: CaseloadScope, now: Date): Promise<string> {
  const [row] = await db.$queryRaw<{ count: number; versions: string; checksum: string }[]>`
    SELECT count(*)::int AS "count",
      coalesce(sum(c."caseloadVersion"), 0)::text AS "versions",
      coalesce(sum(hashtext(concat_ws('|', c."id", c."therapistId", c."displayName", c."timeZone", c."userId"))::bigint), 0)::text AS "checksum"
    FROM "Client" c
    WHERE c."therapistId" = ANY(${[...scope.therapistIds]}::text[]) AND c."practiceId" = ${scope.practiceId} AND c."status" = 'ACTIVE'`;
  return [
    scope.practiceId,
    [...scope.therapistIds].sort().join(","),
    row?.count ?? 0,
    row?.versions ?? "0",
    row?.checksum ?? "0",
    Math.floor(now.getTime() / QUARTER_HOUR_MS),
  ].join("|");
}

export function cachedRanking(key: string): RankedCaseload | undefined {
  const hit = entries.get(key);
  if (hit) {
    // Most recently used last, so the oldest goes first when full.
    entries.delete(key);
    entries.set(key, hit);
  }
  return hit;
}

export function rememberRanking(key: string, value: RankedCaseload) {
  entries.set(key, value);
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
}
