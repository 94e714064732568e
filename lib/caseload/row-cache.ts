import "server-only";
import type { TherapistScope } from "@/lib/clients/scope";
import type { CaseloadEntry, CaseloadRow } from "./types";

/**
 * Computed caseload rows, reused while nothing they show has changed.
 *
 * A row is a function of the client's data and their calendar date. Database
 * triggers bump Client.caseloadVersion on every write that can change the
 * row (see prisma/schema.prisma), and the page reads that version with the
 * client list it needs anyway; the key below adds the client's own fields and
 * today. So a hit is never stale, only a row computed from older data can be
 * missing. Each server instance keeps its own cache: nothing is shared, and a
 * cold instance just computes every row once, which is what it did before.
 *
 * Rows are shared between requests, so callers must treat them as read-only.
 */
export type ComputedRow = { row: CaseloadRow; openFlags: number };
/** Kept with the client's clinician, which is part of the key, so a practice-wide page copies nothing. */
export type CachedRow = { row: CaseloadEntry; openFlags: number };

/** Enough for a few dozen full caseloads per instance; the oldest entries go first. */
const MAX_ENTRIES = 10_000;

const entries = new Map<string, { key: string; value: CachedRow }>();

export type RowKeyParts = {
  /** The client's practice and primary clinician (a handover changes the key). */
  scope: TherapistScope;
  version: number;
  /** The client's calendar date. */
  today: string;
  /** The check-in window is counted from UTC's date, so rows depend on it too. */
  utcToday: string;
  displayName: string;
  timeZone: string;
  joinedAt: Date;
  lastSubmittedAt: Date | null;
};

export function rowKeyOf(parts: RowKeyParts): string {
  return [
    parts.scope.practiceId,
    parts.scope.therapistId,
    parts.version,
    parts.today,
    parts.utcToday,
    parts.timeZone,
    parts.joinedAt.getTime(),
    parts.lastSubmittedAt?.getTime() ?? "",
    parts.displayName,
  ].join("|");
}

export function cachedRow(clientId: string, key: string): CachedRow | undefined {
  const entry = entries.get(clientId);
  return entry?.key === key ? entry.value : undefined;
}

export function rememberRow(clientId: string, key: string, value: CachedRow) {
  entries.delete(clientId);
  entries.set(clientId, { key, value });
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
}
