import "server-only";
import { addDays, toDbDate, type LocalDate } from "@/lib/dates/local-date";
import type { CaseloadScope } from "./scope";
import { openFlagCount } from "./attention-flags";
import { buildCaseloadRow, toAssignmentFacts } from "./build-row";
import { ADHERENCE_DAYS, type AssignmentFacts } from "./homework-figures";
import type { ActiveClient } from "./load-active-clients";
import { loadCheckInHistory } from "./load-check-in-history";
import { loadLatestAcknowledgements, loadOpenSafetyFlags } from "./load-flag-state";
import { loadAssignments, submittedDaysOf } from "./load-homework";
import type { ComputedRow } from "./row-cache";

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
 * Caseload rows of the given clients (from the caller-scoped client query),
 * in four queries whatever their number: assignments with their titles and
 * recently submitted due dates, weekly check-in scores, open safety flags
 * and the latest acknowledgements. None reads submissions or measurements:
 * the last activity, submitted dates and weekly totals are summaries that
 * triggers keep at write time (prisma/schema.prisma), so a client with two
 * years of history costs about the same as a new one.
 */
export async function computeRows(
  scope: CaseloadScope,
  clients: readonly ActiveClient[],
  now: Date,
  utcToday: LocalDate,
): Promise<Map<string, ComputedRow>> {
  // Every client's calendar is within a day of UTC's, so one window with a
  // day's margin covers all their local windows.
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

  const rows = new Map<string, ComputedRow>();
  for (const client of clients) {
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
    rows.set(client.id, { row, openFlags: openFlagCount(row.flags, clientFlags.length) });
  }
  return rows;
}
