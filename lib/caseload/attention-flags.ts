// Which computed flags are open for one client, given the facts and the
// therapist's latest acknowledgement of each kind. Pure, for unit tests.
//
// An acknowledgement quiets a flag while the same condition lasts and the
// flag comes back when the condition arises again. "The same condition" is
// pinned to the moment it began:
// - SILENT: the last submission (or joining, if they never submitted). An
//   acknowledgement made after it quiets this silence; a new submission
//   ends it, and the next silence starts later than the acknowledgement.
// - OVERDUE: the start of the day after the newest overdue due date (the
//   moment that item became overdue, in the client's zone). The next item
//   that goes overdue starts a new condition.
// - DECLINING_CHECK_IN: the submission time of the newest check-in in the
//   falling run. A further falling week starts a new condition.
import type { CaseloadFlags, ComputedFlagKind } from "./types";

/** "3+ overdue" raises the flag; fewer is shown as a number, not a flag. */
export const OVERDUE_FLAG_MIN = 3;

/** "Silent for 7+ days" raises the flag. */
export const SILENT_FLAG_DAYS = 7;

export type FlagFacts = {
  openSafetyFlags: number;
  /** When the decline began (see above), or null when not declining. */
  decliningSince: Date | null;
  overdue: { count: number; since: Date | null };
  /** Days since the last activity and the instant silence began; null when unknown. */
  silence: { days: number; since: Date } | null;
};

export type LatestAcknowledgements = Partial<Record<ComputedFlagKind, Date>>;

/** Whether an acknowledgement covers a condition that began at `since`. */
export function isAcknowledged(acknowledgedAt: Date | undefined, since: Date): boolean {
  return acknowledgedAt !== undefined && acknowledgedAt.getTime() >= since.getTime();
}

export function openFlagsOf(facts: FlagFacts, acknowledged: LatestAcknowledgements): CaseloadFlags {
  const { decliningSince, overdue, silence } = facts;
  const declining = decliningSince !== null && !isAcknowledged(acknowledged.DECLINING_CHECK_IN, decliningSince);
  const overdueOpen =
    overdue.count >= OVERDUE_FLAG_MIN && overdue.since !== null && !isAcknowledged(acknowledged.OVERDUE, overdue.since);
  const silentOpen = silence !== null && silence.days >= SILENT_FLAG_DAYS && !isAcknowledged(acknowledged.SILENT, silence.since);
  return {
    safety: facts.openSafetyFlags > 0,
    declining,
    overdue: overdueOpen ? overdue.count : 0,
    silentDays: silentOpen ? silence.days : null,
  };
}

/** How many flags a row contributes to the "open flags" count. */
export function openFlagCount(flags: CaseloadFlags, openSafetyFlags: number): number {
  return openSafetyFlags + Number(flags.declining) + Number(flags.overdue > 0) + Number(flags.silentDays !== null);
}
