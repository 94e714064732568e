import "server-only";
import { todayIn } from "@/lib/dates/local-date";
import { countUnreviewed } from "@/lib/review/list-inbox";
import type { TherapistScope } from "@/lib/clients/scope";
import { computeRows } from "./compute-rows";
import { loadActiveClients } from "./load-active-clients";
import { rankByAttention } from "./rank-by-attention";
import { cachedRow, rememberRow, rowKeyOf, type CachedRow } from "./row-cache";
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
 */
export async function getCaseload(scope: TherapistScope, options: { q?: string; now?: Date } = {}): Promise<Caseload> {
  const now = options.now ?? new Date();
  const [clients, toReview] = await Promise.all([loadActiveClients(scope), countUnreviewed(scope)]);
  if (clients.length === 0) return { rows: [], counts: { activeClients: 0, toReview, openFlags: 0 } };

  const utcToday = todayIn("UTC", now);
  const keyed = clients.map((client) => {
    const key = rowKeyOf({
      scope,
      version: client.caseloadVersion,
      today: todayIn(client.timeZone, now),
      utcToday,
      displayName: client.displayName,
      timeZone: client.timeZone,
      joinedAt: client.joinedAt ?? client.createdAt,
      lastSubmittedAt: client.lastSubmittedAt,
    });
    return { client, key, cached: cachedRow(client.id, key) };
  });

  const missing = keyed.filter((entry) => entry.cached === undefined);
  const computed = missing.length
    ? await computeRows(scope, missing.map((entry) => entry.client), now, utcToday)
    : new Map<string, CachedRow>();
  for (const { client, key } of missing) rememberRow(client.id, key, computed.get(client.id)!);

  let openFlags = 0;
  const query = options.q ?? "";
  const rows = [];
  for (const { client, cached } of keyed) {
    const { row, openFlags: flagCount } = cached ?? computed.get(client.id)!;
    openFlags += flagCount;
    if (matchesSearch(row.name, query)) rows.push(row);
  }
  return { rows: rankByAttention(rows), counts: { activeClients: clients.length, toReview, openFlags } };
}
