import type { LocalDate } from "@/lib/dates/local-date";
import type { AttentionFlag } from "@/lib/generated/prisma/enums";
import type { Trend } from "./trust-trend";

/** The computed flags a therapist can acknowledge (safety flags have their own table). */
export type ComputedFlagKind = AttentionFlag;

/**
 * Flags that are open right now: raised and not acknowledged since their
 * condition began. `overdue` is the number of overdue items when the overdue
 * flag is open, else 0; `silentDays` likewise, else null.
 */
export type CaseloadFlags = {
  safety: boolean;
  declining: boolean;
  overdue: number;
  silentDays: number | null;
};

/** 0 = open safety flag, 1 = declining check-in, 2 = 3+ overdue, 3 = silent 7+ days, 4 = nothing needs attention. */
export type AttentionRank = 0 | 1 | 2 | 3 | 4;

export type CaseloadRow = {
  clientId: string;
  name: string;
  timeZone: string;
  /** The client's own calendar date now. */
  today: LocalDate;
  /** Scheduled items due in the 28 days before today, and how many have a submitted entry. */
  adherence: { due: number; done: number; rate: number | null };
  lastActivityAt: Date | null;
  /** Calendar days (client's zone) since the last submission; null if they never submitted. */
  daysSinceActivity: number | null;
  trend: Trend | null;
  /** Items overdue now, whether or not the overdue flag is open. */
  overdueCount: number;
  flags: CaseloadFlags;
  /** Open safety flags, oldest first; each is acknowledged on its own. */
  safetyFlags: { id: string; raisedAt: Date }[];
  nextDue: { title: string; date: LocalDate } | null;
  attentionRank: AttentionRank;
};

export type CaseloadCounts = {
  /** Active clients on the whole caseload (the search does not change it). */
  activeClients: number;
  /** Submitted entries not yet reviewed. */
  toReview: number;
  /** Open flags across all active clients: each safety flag plus each open computed flag. */
  openFlags: number;
};

/** A row as a page gets it: with the client's primary clinician (several on a practice-wide caseload). */
export type CaseloadEntry = CaseloadRow & {
  clinicianId: string;
  /** "Session today / tomorrow" in the viewer's zone (lib/caseload/load-next-sessions): read per page view, never cached with the row. */
  session?: { startsAt: Date; day: "today" | "tomorrow" } | null;
};

export type Caseload = { rows: CaseloadEntry[]; counts: CaseloadCounts };
