// One dashboard row from the data loaded for the whole caseload. Pure apart
// from the time zone arithmetic, so the rules live in one readable place.
import { scheduleOf } from "@/lib/assignments/schedule-of";
import { addDays, daysBetween, instantOf, todayIn } from "@/lib/dates/local-date";
import { OVERDUE_FLAG_MIN, openFlagsOf, type LatestAcknowledgements } from "./attention-flags";
import { homeworkFiguresOf, type AssignmentFacts, type SubmittedCheck } from "./homework-figures";
import type { CheckInHistory } from "./load-check-in-history";
import type { CaseloadAssignment } from "./load-homework";
import { attentionRankOf } from "./rank-by-attention";
import { isDeclining, trendOf } from "./trust-trend";
import type { CaseloadRow } from "./types";

export type ClientData = {
  client: { id: string; displayName: string; timeZone: string; joinedAt: Date };
  assignments: AssignmentFacts[];
  isSubmitted: SubmittedCheck;
  lastActivityAt: Date | null;
  checkIn: CheckInHistory | null;
  safetyFlags: { id: string; raisedAt: Date }[];
  acknowledged: LatestAcknowledgements;
};

/** A stored assignment as the pure figures need it, dated in the client's calendar. */
export function toAssignmentFacts(row: CaseloadAssignment, timeZone: string): AssignmentFacts {
  // Paused and then ended: nothing was expected after the pause. (Resuming
  // clears pausedAt, so an active assignment has no stop.)
  const stops = row.status === "ACTIVE" ? [] : [row.pausedAt, row.endedAt].filter((stop): stop is Date => stop !== null);
  const stoppedAt = stops.length ? new Date(Math.min(...stops.map((stop) => stop.getTime()))) : null;
  return {
    id: row.id,
    title: row.title,
    isLog: row.allowsMultiplePerDay,
    active: row.status === "ACTIVE",
    schedule: scheduleOf(row),
    stoppedOn: stoppedAt ? todayIn(timeZone, stoppedAt) : null,
  };
}

export function buildCaseloadRow(data: ClientData, now: Date): CaseloadRow {
  const { client } = data;
  const today = todayIn(client.timeZone, now);
  const figures = homeworkFiguresOf(data.assignments, data.isSubmitted, today);

  const scores = data.checkIn?.weeklyScores ?? [];
  const decliningSince = data.checkIn && isDeclining(scores) ? data.checkIn.lastCheckInAt : null;

  // The newest overdue item became overdue when its due day ended in the
  // client's zone (only worked out when it can matter: it is not cheap).
  const newestOverdue = figures.overdue.newestDueOn;
  const overdueSince =
    newestOverdue && figures.overdue.count >= OVERDUE_FLAG_MIN ? instantOf(addDays(newestOverdue, 1), "00:00", client.timeZone) : null;

  const daysSince = (instant: Date) => Math.max(0, daysBetween(todayIn(client.timeZone, instant), today));
  const daysSinceActivity = data.lastActivityAt ? daysSince(data.lastActivityAt) : null;
  const silenceStart = data.lastActivityAt ?? client.joinedAt;
  const silentDays = daysSinceActivity ?? daysSince(client.joinedAt);
  // Silence only means something when homework is expected: a client with
  // nothing assigned (or everything paused) is not flagged for it.
  const expectsHomework = data.assignments.some((assignment) => assignment.active);

  const flags = openFlagsOf(
    {
      openSafetyFlags: data.safetyFlags.length,
      decliningSince,
      overdue: { count: figures.overdue.count, since: overdueSince },
      silence: expectsHomework ? { days: silentDays, since: silenceStart } : null,
    },
    data.acknowledged,
  );

  return {
    clientId: client.id,
    name: client.displayName,
    timeZone: client.timeZone,
    today,
    adherence: figures.adherence,
    lastActivityAt: data.lastActivityAt,
    daysSinceActivity,
    trend: trendOf(scores),
    overdueCount: figures.overdue.count,
    flags,
    safetyFlags: data.safetyFlags,
    nextDue: figures.nextDue,
    attentionRank: attentionRankOf(flags),
  };
}
