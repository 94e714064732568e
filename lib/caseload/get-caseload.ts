import "server-only";
import { todayIn } from "@/lib/dates/local-date";
import { countUnreviewed } from "@/lib/review/list-inbox";
import { db } from "@/lib/db";
import type { TherapistScope } from "@/lib/clients/scope";
import { computeRows } from "./compute-rows";
import { loadActiveClients } from "./load-active-clients";
import { rankByAttention } from "./rank-by-attention";
import { cachedRanking, rankedCacheKey, rememberRanking, type RankedCaseload } from "./ranked-cache";
import { cachedRow, rememberRow, rowKeyOf, type CachedRow } from "./row-cache";
import { toCaseloadScope, type CaseloadScope } from "./scope";
import { matchesSearch } from "./search";
import type { Caseload } from "./types";

/**
 * The therapist's caseload: every active client with adherence, last
 * activity, trust trend, open flags and next due item, most urgent first.
 *
 * Two queries (counted in tests/integration/caseload-dashboard.test.ts): the
 * active clients with their last activity and caseload version, and the
 * unreviewed count. Rows computed earlier for the same version and day are
 * reused (lib/caseload/row-cache); the others are computed together, in four
 * more queries whatever their number (lib/caseload/compute-rows). With no
 * active clients only the first two run.
 *
 * Counts cover the whole caseload; the search (`q`) narrows the rows only.
 * One clinician's caseload or several (an owner's or supervisor's view:
 * lib/caseload/scope). Several clinicians' caseloads are also kept ranked as
 * a whole (lib/caseload/ranked-cache): while nothing changed, one aggregate
 * query replaces reading and ranking every client.
 */
export async function getCaseload(
  caller: TherapistScope | CaseloadScope,
  options: { q?: string; now?: Date } = {},
): Promise<Caseload> {
  const now = options.now ?? new Date();
  const scope = toCaseloadScope(caller);
  const query = options.q ?? "";
  if (scope.therapistIds.length > 1) {
    const [key, toReview] = await Promise.all([rankedCacheKey(scope, now), countToReview(scope)]);
    let ranked = cachedRanking(key);
    if (!ranked) {
      ranked = await rankWhole(scope, now);
      rememberRanking(key, ranked);
    }
    const rows = query ? ranked.rows.filter((row) => matchesSearch(row.name, query)) : ranked.rows;
    return { rows, counts: { activeClients: ranked.activeClients, toReview, openFlags: ranked.openFlags } };
  }
  const [ranked, toReview] = await Promise.all([rankWhole(scope, now), countToReview(scope)]);
  const rows = query ? ranked.rows.filter((row) => matchesSearch(row.name, query)) : ranked.rows;
  return { rows, counts: { activeClients: ranked.activeClients, toReview, openFlags: ranked.openFlags } };
}

/** Every active client's row (reused from the row cache where still current), most urgent first. */
async function rankWhole(scope: CaseloadScope, now: Date): Promise<RankedCaseload> {
  const clients = await loadActiveClients(scope);
  if (clients.length === 0) return { rows: [], activeClients: 0, openFlags: 0 };

  const utcToday = todayIn("UTC", now);
  // Clients share a handful of zones: each zone's date is worked out once
  // (a practice-wide caseload has thousands of clients).
  const todayByZone = new Map<string, string>();
  const todayOf = (timeZone: string) => {
    let today = todayByZone.get(timeZone);
    if (today === undefined) todayByZone.set(timeZone, (today = todayIn(timeZone, now)));
    return today;
  };
  const keyed = clients.map((client) => {
    const key = rowKeyOf({
      scope: { practiceId: scope.practiceId, therapistId: client.therapistId },
      version: client.caseloadVersion,
      today: todayOf(client.timeZone),
      utcToday,
      displayName: client.displayName,
      timeZone: client.timeZone,
      joinedAt: client.joinedAt ?? client.createdAt,
      lastSubmittedAt: client.lastSubmittedAt,
    });
    return { client, key, cached: cachedRow(client.id, key) };
  });

  const missing = keyed.filter((entry) => entry.cached === undefined);
  const computed = new Map<string, CachedRow>();
  if (missing.length) {
    const fresh = await computeRows(scope, missing.map((entry) => entry.client), now, utcToday);
    for (const { client, key } of missing) {
      const { row, openFlags } = fresh.get(client.id)!;
      const entry: CachedRow = { row: { ...row, clinicianId: client.therapistId }, openFlags };
      computed.set(client.id, entry);
      rememberRow(client.id, key, entry);
    }
  }

  let openFlags = 0;
  const rows = [];
  for (const { client, cached } of keyed) {
    // Cached rows are shared between requests: read-only from here on.
    const { row, openFlags: flagCount } = cached ?? computed.get(client.id)!;
    openFlags += flagCount;
    rows.push(row);
  }
  return { rows: rankByAttention(rows), activeClients: clients.length, openFlags };
}

/**
 * One clinician's count is the request-cached one the navigation badge reads
 * too; several clinicians' is the same sum over their client rows.
 */
async function countToReview(scope: CaseloadScope): Promise<number> {
  if (scope.therapistIds.length === 1) return countUnreviewed({ practiceId: scope.practiceId, therapistId: scope.therapistIds[0]! });
  const { _sum } = await db.client.aggregate({
    where: { practiceId: scope.practiceId, therapistId: { in: [...scope.therapistIds] } },
    _sum: { unreviewedCount: true },
  });
  return _sum.unreviewedCount ?? 0;
}
