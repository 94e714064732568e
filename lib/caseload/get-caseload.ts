import "server-only";
import { addDays, todayIn, toDbDate, type LocalDate } from "@/lib/dates/local-date";
import { countUnreviewed } from "@/lib/review/list-inbox";
import type { TherapistScope } from "@/lib/clients/scope";
import { openFlagCount } from "./attention-flags";
import { buildCaseloadRow, toAssignmentFacts } from "./build-row";
import { ADHERENCE_DAYS, type AssignmentFacts } from "./homework-figures";
import { loadActiveClients } from "./load-active-clients";
import { loadCheckInHistory } from "./load-check-in-history";
import { loadLatestAcknowledgements, loadOpenSafetyFlags } from "./load-flag-state";
import { loadAssignments, submittedDaysOf } from "./load-homework";
import { rankByAttention } from "./rank-by-attention";
import { matchesSearch } from "./search";
import type { Caseload } from "./types";

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/**
 * The therapist's caseload: every active client with adherence, last
 * activity, trust trend, open flags and next due item, most urgent first.
 *
 * Six SQL queries whatever the caseload's size, in two round trips
 * (counted in tests/integration/caseload-dashboard.test.ts): the active
 * clients with their last activity, and the unreviewed count; then, for all
 * clients at once, assignments with their titles and recently submitted due
 * dates, weekly check-in scores, open safety flags and the latest
 * acknowledgements. None reads submissions or measurements: the last
 * activity, submitted dates and weekly totals are summaries that triggers
 * keep at write time (prisma/schema.prisma), so the page costs about the
 * same for a client with two years of history as for a new one. With no
 * active clients only the first two run.
 *
 * Counts cover the whole caseload; the search (`q`) narrows the rows only.
 */
export async function getCaseload(scope: TherapistScope, options: { q?: string; now?: Date } = {}): Promise<Caseload> {
  const now = options.now ?? new Date();
  const [clients, toReview] = await Promise.all([loadActiveClients(scope), countUnreviewed(scope)]);
  if (clients.length === 0) return { rows: [], counts: { activeClients: 0, toReview, openFlags: 0 } };

  // Every client's calendar is within a day of UTC's, so one window with a
  // day's margin covers all their local windows.
  const utcToday = todayIn("UTC", now);
  const windowStart = addDays(utcToday, -(ADHERENCE_DAYS + 1));
  const clientIds = clients.map((client) => client.id);
  const [assignments, checkIns, safetyFlags, acknowledgements] = await Promise.all([
    loadAssignments(scope, clientIds, { stoppedSince: toDbDate(addDays(windowStart, -1)), submittedSince: windowStart }),
    loadCheckInHistory(scope, clientIds, utcToday),
    loadOpenSafetyFlags(scope, clientIds),
    loadLatestAcknowledgements(scope, clientIds),
  ]);

  const submittedDays = submittedDaysOf(assignments, windowStart);
  const isSubmitted = (assignmentId: string, dueOn: LocalDate) => submittedDays.get(assignmentId)?.has(dueOn) ?? false;
  const assignmentsByClient = groupBy(assignments, (row) => row.clientId);
  const flagsByClient = groupBy(safetyFlags, (flag) => flag.clientId);

  let openFlags = 0;
  const rows = clients.map((client) => {
    const clientFlags = (flagsByClient.get(client.id) ?? []).map(({ id, raisedAt }) => ({ id, raisedAt }));
    const facts: AssignmentFacts[] = (assignmentsByClient.get(client.id) ?? []).map((row) => toAssignmentFacts(row, client.timeZone));
    const row = buildCaseloadRow(
      {
        client: { id: client.id, displayName: client.displayName, timeZone: client.timeZone, joinedAt: client.joinedAt ?? client.createdAt },
        assignments: facts,
        isSubmitted,
        lastActivityAt: client.lastSubmittedAt,
        checkIn: checkIns.get(client.id) ?? null,
        safetyFlags: clientFlags,
        acknowledged: acknowledgements.get(client.id) ?? {},
      },
      now,
    );
    openFlags += openFlagCount(row.flags, clientFlags.length);
    return row;
  });

  const query = options.q ?? "";
  return {
    rows: rankByAttention(rows.filter((row) => matchesSearch(row.name, query))),
    counts: { activeClients: clients.length, toReview, openFlags },
  };
}
