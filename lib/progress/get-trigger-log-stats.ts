import "server-only";
import { db } from "@/lib/db";
import type { LocalDate } from "@/lib/dates/local-date";
import { metricKey } from "@/lib/exercises/measurements";
import { loadSubject } from "./load-subject";
import { rangeWindow, type ChartPeriod } from "./range";
import { fillPeriods, toCount, toNumber, weeksBetween } from "./series";
import type { ProgressViewer } from "./viewer";

const TRIGGER_LOG = "trigger-log";
const BEFORE = metricKey("trigger-log", "intensity_before");
const AFTER = metricKey("trigger-log", "intensity_after");

export type TriggerCounts = {
  /** Entries logged (each has an "intensity when it hit"). */
  triggers: number;
  /** Mean intensity when the feeling hit, 0–10. */
  meanIntensity: number | null;
  /** Mean of (before − after) over entries with both: how much coping lowered the heat. */
  meanDrop: number | null;
  evidence: number;
  emotion: number;
  unsure: number;
};

export type TriggerWeek = { week: LocalDate } & TriggerCounts;

export type TriggerLogStats = {
  from: LocalDate | null;
  today: LocalDate;
  /** Every week from the range start (or first entry) to this week; weeks without entries count 0 with null means. */
  weeks: TriggerWeek[];
  totals: TriggerCounts & {
    /** Share of judged entries (evidence + emotion + unsure) judged "evidence" / "emotion", 0–1; null when none. */
    evidenceShare: number | null;
    emotionShare: number | null;
  };
};

type IntensityRow = { period: string | null; triggers: unknown; meanIntensity: unknown; meanDrop: unknown };
type JudgedRow = { period: string | null; evidence: unknown; emotion: unknown; unsure: unknown };

/**
 * Trigger log per week: count, mean intensity and mean drop from the
 * measurements; "evidence or emotion" from the submissions' shared answers
 * (a choice, not a number). Both grouped in SQL with ROLLUP, whose extra
 * row (period null) is the total for the whole range. Two queries after the access check.
 */
export async function getTriggerLogStats(viewer: ProgressViewer, range: ChartPeriod, now: Date = new Date()): Promise<TriggerLogStats> {
  const subject = await loadSubject(viewer, now);
  const window = rangeWindow(range, subject.today);
  const from = window.from;

  const [intensity, judged] = await Promise.all([
    // Before and after belong to one entry: pair them per submission first.
    db.$queryRaw<IntensityRow[]>`
      WITH entries AS (
        SELECT "submissionId",
               date_trunc('week', min("recordedOn")::timestamp)::date AS week,
               max(value) FILTER (WHERE metric = ${BEFORE}) AS before_value,
               max(value) FILTER (WHERE metric = ${AFTER}) AS after_value
        FROM "Measurement"
        WHERE "clientId" = ${subject.clientId}
          AND "practiceId" = ${subject.practiceId}
          AND metric IN (${BEFORE}, ${AFTER})
          AND "recordedOn" >= COALESCE(${from}::date, '-infinity'::date)
          AND "recordedOn" <= ${window.today}::date
        GROUP BY "submissionId"
      )
      SELECT to_char(week, 'YYYY-MM-DD') AS period,
             count(before_value)::int AS triggers,
             round(avg(before_value)::numeric, 2)::float8 AS "meanIntensity",
             round(avg(before_value - after_value)::numeric, 2)::float8 AS "meanDrop"
      FROM entries
      GROUP BY ROLLUP (week)`,
    // Only the shared `answers` column is read, never privateAnswers. A
    // practice's edited copy of the trigger log counts as the trigger log.
    db.$queryRaw<JudgedRow[]>`
      WITH judged AS (
        SELECT date_trunc('week', s."dueOn"::timestamp)::date AS week, s.answers->>'evidence_or_emotion' AS judged
        FROM "Submission" s
        JOIN "TemplateVersion" v ON v.id = s."templateVersionId"
        JOIN "ExerciseTemplate" t ON t.id = v."templateId"
        LEFT JOIN "ExerciseTemplate" base ON base.id = t."basedOnId"
        WHERE s."clientId" = ${subject.clientId}
          AND s."practiceId" = ${subject.practiceId}
          AND s.status = 'SUBMITTED'
          AND (t.slug = ${TRIGGER_LOG} OR base.slug = ${TRIGGER_LOG})
          AND s."dueOn" >= COALESCE(${from}::date, '-infinity'::date)
          AND s."dueOn" <= ${window.today}::date
      )
      SELECT to_char(week, 'YYYY-MM-DD') AS period,
             count(*) FILTER (WHERE judged = 'evidence')::int AS evidence,
             count(*) FILTER (WHERE judged = 'emotion')::int AS emotion,
             count(*) FILTER (WHERE judged = 'unsure')::int AS unsure
      FROM judged
      GROUP BY ROLLUP (week)`,
  ]);

  const intensityRows = intensity.filter((row) => row.period !== null).map((row) => ({ ...row, period: row.period as string }));
  const judgedByWeek = new Map(judged.filter((row) => row.period !== null).map((row) => [row.period as string, row]));
  const counts = (row: IntensityRow | undefined, judgedRow: JudgedRow | undefined): TriggerCounts => ({
    triggers: toCount(row?.triggers),
    meanIntensity: toNumber(row?.meanIntensity),
    meanDrop: toNumber(row?.meanDrop),
    evidence: toCount(judgedRow?.evidence),
    emotion: toCount(judgedRow?.emotion),
    unsure: toCount(judgedRow?.unsure),
  });

  const weeks = fillPeriods(intensityRows, (first) => weeksBetween(first, window.currentWeek), from, (week, row) => ({
    week,
    ...counts(row, judgedByWeek.get(week)),
  }));
  const total = counts(
    intensity.find((row) => row.period === null),
    judged.find((row) => row.period === null),
  );
  const judgedCount = total.evidence + total.emotion + total.unsure;
  return {
    from,
    today: window.today,
    weeks,
    totals: {
      ...total,
      evidenceShare: judgedCount ? total.evidence / judgedCount : null,
      emotionShare: judgedCount ? total.emotion / judgedCount : null,
    },
  };
}
