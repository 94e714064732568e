import "server-only";
import { scheduleOf, scheduleSelect } from "@/lib/assignments/schedule-of";
import type { TherapistScope } from "@/lib/clients/scope";
import { addDays, fromDbDate, minDate, todayIn, toDbDate, type LocalDate } from "@/lib/dates/local-date";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { metricKey } from "@/lib/exercises/measurements";
import { Prisma } from "@/lib/generated/prisma/client";
import { CHECK_IN_METRICS } from "@/lib/progress/check-in-weeks";
import { formatScore } from "@/lib/progress/describe-change";
import { toCount, toNumber } from "@/lib/progress/series";
import { dueDatesBetween } from "@/lib/schedule/schedule";

/** With no earlier session, the page covers this many days before it. */
export const DEFAULT_SPAN_DAYS = 14;
// Check-in values before the span are looked for this far back.
const BASELINE_LOOKBACK_DAYS = 90;

const TRIGGER_INTENSITY = metricKey("trigger-log", "intensity_before");
const PROMISE_KEPT = metricKey("micro-promises", "kept");

export type CheckInDelta = { label: string; before: number | null; latest: number; sentence: string };

export type SessionPrep = {
  session: { id: string; startsAt: Date; durationMinutes: number; cancelledAt: Date | null; started: boolean };
  client: { id: string; displayName: string; timeZone: string; clinicianTimeZone: string };
  span: { from: Date; to: Date; previousSessionAt: Date | null };
  /** Entries submitted in the span: unreviewed first, then newest first. */
  entries: { id: string; title: string; dueOn: LocalDate; submittedAt: Date; reviewed: boolean; safetyConcern: boolean }[];
  checkIns: { count: number; changes: CheckInDelta[] };
  triggers: { count: number; meanIntensity: number | null };
  promises: { count: number; keptRate: number | null };
  flags: { id: string; raisedAt: Date; acknowledgedAt: Date | null; acknowledgedBy: string | null }[];
  adherence: { due: number; done: number };
  replies: { id: string; body: string; createdAt: Date; entryTitle: string; submissionId: string }[];
  note: { body: string; updatedAt: Date } | null;
};

type MetricRow = { metric: string; before: unknown; latest: unknown; entries: unknown; mean: unknown };

/**
 * Everything since the previous session (or the DEFAULT_SPAN_DAYS before this
 * one when there is none) up to now, or up to the session's start once it
 * has begun. Scoped through the client's primary clinician, so a reader's
 * ClientReadScope works as well as the clinician's own scope. Eight queries
 * whatever the history: the session, the previous one, then entries,
 * measurements (check-ins, trigger log, promises in one grouped pass), safety
 * flags, assignments, submitted due dates and replies together.
 */
export async function getSessionPrep(
  scope: TherapistScope & { readOnly?: boolean },
  clientId: string,
  sessionId: string,
  now: Date = new Date(),
): Promise<SessionPrep> {
  // The session note is its author's alone: a reader (owner, supervisor)
  // never loads it, and after a handover the new clinician does not read
  // the previous clinician's notes (the query asks for the author).
  const withNote = scope.readOnly !== true;
  const session = await db.therapySession.findFirst({
    where: { id: sessionId, clientId, practiceId: scope.practiceId, client: { therapistId: scope.therapistId } },
    select: {
      id: true,
      startsAt: true,
      durationMinutes: true,
      cancelledAt: true,
      client: { select: { id: true, displayName: true, timeZone: true, therapist: { select: { timeZone: true } } } },
      note: withNote ? { select: { body: true, updatedAt: true, authorId: true } } : false,
    },
  });
  if (!session) throw notFound();
  const previous = await db.therapySession.findFirst({
    where: { clientId, practiceId: scope.practiceId, cancelledAt: null, startsAt: { lt: session.startsAt } },
    orderBy: { startsAt: "desc" },
    select: { startsAt: true },
  });

  const started = session.startsAt <= now;
  const to = started ? session.startsAt : now;
  const from = previous?.startsAt ?? new Date(to.getTime() - DEFAULT_SPAN_DAYS * 86_400_000);
  const zone = session.client.timeZone;
  const fromDay = todayIn(zone, from);
  // Today's items are not late yet: adherence counts due days up to yesterday.
  const lastDueDay = minDate(todayIn(zone, to), addDays(todayIn(zone, now), -1));
  const where = { clientId, practiceId: scope.practiceId };
  const metrics = [...CHECK_IN_METRICS.map((entry) => entry.metric), TRIGGER_INTENSITY, PROMISE_KEPT];

  const [entries, metricRows, flags, assignments, submittedDays, replies] = await Promise.all([
    // Never privateAnswers or answers: titles and dates only.
    db.submission.findMany({
      where: { ...where, status: "SUBMITTED", submittedAt: { gt: from, lte: to } },
      orderBy: { submittedAt: "desc" },
      take: 100,
      select: { id: true, dueOn: true, submittedAt: true, reviewedAt: true, safetyConcern: true, templateVersion: { select: { title: true } } },
    }),
    db.$queryRaw<MetricRow[]>`
      WITH m AS (
        SELECT m.metric, m.value, s."submittedAt" AS at
        FROM "Measurement" m
        JOIN "Submission" s ON s.id = m."submissionId"
        WHERE m."clientId" = ${clientId}
          AND m."practiceId" = ${scope.practiceId}
          AND m.metric IN (${Prisma.join(metrics)})
          AND s."submittedAt" > ${new Date(from.getTime() - BASELINE_LOOKBACK_DAYS * 86_400_000)}
          AND s."submittedAt" <= ${to}
      )
      SELECT metric,
             (array_agg(value ORDER BY at DESC) FILTER (WHERE at <= ${from}))[1] AS before,
             (array_agg(value ORDER BY at DESC) FILTER (WHERE at > ${from}))[1] AS latest,
             count(*) FILTER (WHERE at > ${from})::int AS entries,
             round(avg(value) FILTER (WHERE at > ${from})::numeric, 4)::float8 AS mean
      FROM m
      GROUP BY metric`,
    db.safetyFlag.findMany({
      where: { ...where, OR: [{ raisedAt: { gt: from, lte: to } }, { acknowledgedAt: { gt: from, lte: to } }, { acknowledgedAt: null, raisedAt: { lte: to } }] },
      orderBy: { raisedAt: "asc" },
      select: { id: true, raisedAt: true, acknowledgedAt: true, acknowledgedBy: { select: { name: true } } },
    }),
    db.assignment.findMany({
      where: { ...where, templateVersion: { allowsMultiplePerDay: false } },
      select: { id: true, status: true, pausedAt: true, endedAt: true, ...scheduleSelect },
    }),
    db.submission.groupBy({
      by: ["assignmentId", "dueOn"],
      where: { ...where, status: "SUBMITTED", dueOn: { gte: toDbDate(fromDay), lte: toDbDate(lastDueDay < fromDay ? fromDay : lastDueDay) } },
    }),
    db.feedbackReply.findMany({
      where: { ...where, createdAt: { gt: from, lte: to } },
      orderBy: { createdAt: "asc" },
      take: 50,
      select: { id: true, body: true, createdAt: true, feedback: { select: { submissionId: true, submission: { select: { templateVersion: { select: { title: true } } } } } } },
    }),
  ]);

  const byMetric = new Map(metricRows.map((row) => [row.metric, row]));
  const changes = CHECK_IN_METRICS.flatMap(({ metric, label }): CheckInDelta[] => {
    const row = byMetric.get(metric);
    const latest = toNumber(row?.latest);
    if (!row || latest === null) return [];
    const before = toNumber(row.before);
    const sentence =
      before === null
        ? `${label}: ${formatScore(latest)} (nothing earlier to compare).`
        : formatScore(before) === formatScore(latest)
          ? `${label} held steady at ${formatScore(latest)}.`
          : `${label} ${latest > before ? "rose" : "fell"} from ${formatScore(before)} to ${formatScore(latest)}.`;
    return [{ label, before, latest, sentence }];
  });
  const checkInCount = Math.max(0, ...CHECK_IN_METRICS.map(({ metric }) => toCount(byMetric.get(metric)?.entries)));

  const done = new Set(submittedDays.map((row) => `${row.assignmentId}|${fromDbDate(row.dueOn)}`));
  let due = 0;
  let doneCount = 0;
  for (const assignment of assignments) {
    const stoppedAt = assignment.endedAt ?? assignment.pausedAt;
    const until = stoppedAt ? minDate(lastDueDay, todayIn(zone, stoppedAt)) : lastDueDay;
    if (until < fromDay) continue;
    for (const date of dueDatesBetween(scheduleOf(assignment), fromDay, until)) {
      due += 1;
      if (done.has(`${assignment.id}|${date}`)) doneCount += 1;
    }
  }

  const entryItems = entries.map((row) => ({
    id: row.id,
    title: row.templateVersion.title,
    dueOn: fromDbDate(row.dueOn),
    submittedAt: row.submittedAt ?? to,
    reviewed: row.reviewedAt !== null,
    safetyConcern: row.safetyConcern,
  }));
  entryItems.sort((a, b) => Number(a.reviewed) - Number(b.reviewed) || b.submittedAt.getTime() - a.submittedAt.getTime());

  return {
    session: { id: session.id, startsAt: session.startsAt, durationMinutes: session.durationMinutes, cancelledAt: session.cancelledAt, started },
    client: { id: session.client.id, displayName: session.client.displayName, timeZone: zone, clinicianTimeZone: session.client.therapist.timeZone },
    span: { from, to, previousSessionAt: previous?.startsAt ?? null },
    entries: entryItems,
    checkIns: { count: checkInCount, changes },
    triggers: { count: toCount(byMetric.get(TRIGGER_INTENSITY)?.entries), meanIntensity: toNumber(byMetric.get(TRIGGER_INTENSITY)?.mean) },
    promises: { count: toCount(byMetric.get(PROMISE_KEPT)?.entries), keptRate: toNumber(byMetric.get(PROMISE_KEPT)?.mean) },
    flags: flags.map((flag) => ({ id: flag.id, raisedAt: flag.raisedAt, acknowledgedAt: flag.acknowledgedAt, acknowledgedBy: flag.acknowledgedBy?.name ?? null })),
    adherence: { due, done: doneCount },
    replies: replies.map((reply) => ({
      id: reply.id,
      body: reply.body,
      createdAt: reply.createdAt,
      entryTitle: reply.feedback.submission.templateVersion.title,
      submissionId: reply.feedback.submissionId,
    })),
    note: withNote && session.note && session.note.authorId === scope.therapistId ? { body: session.note.body, updatedAt: session.note.updatedAt } : null,
  };
}
