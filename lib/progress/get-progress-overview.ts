import "server-only";
import { db } from "@/lib/db";
import type { LocalDate } from "@/lib/dates/local-date";
import { templateFieldsSchema, type FieldDefinition } from "@/lib/exercises";
import { describeMetricsOf, fieldKeyOfMetric, type MetricDescription } from "@/lib/exercises/measurements";
import { loadSubject } from "./load-subject";
import { DEFAULT_RANGE, mondayOf, rangeWindow, type ChartPeriod, type ProgressRange } from "./range";
import { datesBetween, fillPeriods, toCount, toNumber, weeksBetween } from "./series";
import type { ProgressViewer } from "./viewer";

/** Built-in exercises with a card of their own, and the metrics that card already charts. */
export const SPECIAL_CARDS = {
  "weekly-trust-check-in": { card: "check-in", covers: ["predictability", "reliability", "emotional_safety", "worry"] },
  "trigger-log": { card: "trigger-log", covers: ["intensity_before", "intensity_after"] },
  "micro-promises": { card: "promises", covers: ["kept"] },
  "phq-9": { card: "phq-9", covers: ["total"] },
  "gad-7": { card: "gad-7", covers: ["total"] },
  "signs-of-mistrust-self-check": { card: "self-check", covers: ["signs"] },
} as const;

export type SpecialCard = (typeof SPECIAL_CARDS)[keyof typeof SPECIAL_CARDS]["card"];

export type MetricPoint = { period: LocalDate; value: number | null; entries: number };

/** One numeric question (or total) of an exercise with its series in the range. */
export type ChartedMetric = MetricDescription & {
  periodKind: "week" | "date";
  /** Every period from the range start (or this metric's first value, for "all") to now; null where nothing was entered. */
  points: MetricPoint[];
  entries: number;
};

export type ExerciseProgress = {
  /** The measurement prefix: a built-in's slug (also for a practice's copy of it) or `custom-<templateId>`. */
  prefix: string;
  title: string;
  /** Charted by day: scheduled daily, or any number a day. */
  daily: boolean;
  special: SpecialCard | null;
  /** Entries with a number in the range. */
  entries: number;
  hasData: boolean;
  /** It has numeric questions at all (a journal has none: only adherence shows it). */
  charted: boolean;
  /** The numeric questions no special card charts (all of them for a custom exercise). */
  metrics: ChartedMetric[];
};

export type ProgressOverview<Period extends ChartPeriod = ChartPeriod> = {
  range: Period;
  from: LocalDate | null;
  today: LocalDate;
  /** The exercises the client has or had, oldest assignment first. */
  exercises: ExerciseProgress[];
  /** Any assignment on a schedule (logs excluded): the adherence card has something to count. */
  hasScheduled: boolean;
  anyData: boolean;
};

type MetricRow = { metric: string | null; period: string | null; prefix: string | null; mean: unknown; entries: unknown };

/**
 * Everything the progress pages need to decide which cards to show, and the
 * series of every numeric question of every template version the client was
 * given (built-in or custom). A fixed number of statements whatever the
 * number of templates: the access check, one query for the assignments with
 * their versions' fields, one grouped query over all metrics at once.
 *
 * For the therapist, a field a client may keep private is never described
 * and a measurement whose field is among its entry's private keys never
 * counted (defence in depth: only shared answers produce numbers today).
 * `requested` null means "no choice made": the default range then opens
 * where the client's homework starts instead of on empty weeks.
 */
export async function getProgressOverview<Period extends ChartPeriod>(
  viewer: ProgressViewer,
  requested: Period | null,
  now: Date = new Date(),
): Promise<ProgressOverview<Period | ProgressRange>> {
  const subject = await loadSubject(viewer, now);
  const assignments = await queryAssignments(subject.clientId, subject.practiceId);
  const firstStart = assignments[0]?.startDate ?? null;
  const range: Period | ProgressRange = requested ?? defaultRangeFor(firstStart, subject.today);
  const window = rangeWindow(range, subject.today);
  const withoutPrivate = viewer.role === "therapist";

  type Building = { prefix: string; title: string; daily: boolean; metrics: Map<string, MetricDescription> };
  const byPrefix = new Map<string, Building>();
  const parsedVersions = new Map<string, FieldDefinition[]>();
  for (const assignment of assignments) {
    const { prefix } = assignment;
    let fields = parsedVersions.get(assignment.versionId);
    if (!fields) {
      const parsed = templateFieldsSchema.safeParse(assignment.fields);
      fields = parsed.success ? parsed.data : [];
      parsedVersions.set(assignment.versionId, fields);
    }
    const entry = byPrefix.get(prefix) ?? { prefix, title: assignment.title, daily: false, metrics: new Map() };
    // The newest assignment's title and labels win (assignments come oldest first).
    entry.title = assignment.title;
    entry.daily ||= assignment.allowsMultiplePerDay || assignment.scheduleType === "DAILY" || assignment.scheduleType === "DAILY_FOR_N_DAYS";
    for (const metric of describeMetricsOf(prefix, fields, { withoutPrivate })) entry.metrics.set(metric.metric, metric);
    byPrefix.set(prefix, entry);
  }

  const allMetrics = [...byPrefix.values()].flatMap((entry) => [...entry.metrics.keys()]);
  const dailyMetrics = [...byPrefix.values()].filter((entry) => entry.daily).flatMap((entry) => [...entry.metrics.keys()]);
  const rows = allMetrics.length ? await queryMetrics(subject.clientId, subject.practiceId, allMetrics, dailyMetrics, window.from, window.today, withoutPrivate) : [];

  const seriesRows = new Map<string, { period: LocalDate; mean: number | null; entries: number }[]>();
  const entriesByPrefix = new Map<string, number>();
  for (const row of rows) {
    if (row.metric === null && row.prefix !== null) entriesByPrefix.set(row.prefix, toCount(row.entries));
    else if (row.metric !== null && row.period !== null) {
      const list = seriesRows.get(row.metric) ?? [];
      list.push({ period: row.period, mean: toNumber(row.mean), entries: toCount(row.entries) });
      seriesRows.set(row.metric, list);
    }
  }

  const exercises = [...byPrefix.values()].map((entry): ExerciseProgress => {
    const special = (SPECIAL_CARDS as Record<string, { card: SpecialCard; covers: readonly string[] }>)[entry.prefix] ?? null;
    const metrics = [...entry.metrics.values()]
      .filter((metric) => !special?.covers.includes(metric.metric === `${entry.prefix}.total` ? "total" : fieldKeyOfMetric(metric.metric)))
      .map((metric): ChartedMetric => {
        const series = seriesRows.get(metric.metric) ?? [];
        const periods = (first: LocalDate) => (entry.daily ? datesBetween(first, window.today) : weeksBetween(mondayOf(first), window.currentWeek));
        const points = fillPeriods(series, periods, window.from, (period, row) => ({ period, value: row?.mean ?? null, entries: row?.entries ?? 0 }));
        return { ...metric, periodKind: entry.daily ? "date" : "week", points: series.length ? points : [], entries: series.reduce((sum, row) => sum + row.entries, 0) };
      });
    const entries = entriesByPrefix.get(entry.prefix) ?? 0;
    return {
      prefix: entry.prefix,
      title: entry.title,
      daily: entry.daily,
      special: special?.card ?? null,
      entries,
      hasData: entries > 0,
      charted: entry.metrics.size > 0,
      metrics,
    };
  });

  return {
    range,
    from: window.from,
    today: window.today,
    exercises,
    hasScheduled: assignments.some((assignment) => !assignment.allowsMultiplePerDay),
    anyData: exercises.some((exercise) => exercise.hasData),
  };
}

/**
 * Twelve weeks, unless the client's homework began less than twelve weeks
 * ago: then everything, which starts where their data starts.
 */
export function defaultRangeFor(firstStart: LocalDate | null, today: LocalDate): ProgressRange {
  const twelve = rangeWindow("12w", today).from;
  if (firstStart === null || twelve === null) return DEFAULT_RANGE;
  return firstStart > twelve ? "all" : DEFAULT_RANGE;
}

type AssignmentRow = {
  scheduleType: string;
  startDate: LocalDate;
  prefix: string;
  versionId: string;
  title: string;
  fields: unknown;
  allowsMultiplePerDay: boolean;
};

/**
 * The client's assignments (any status: "has or had") with their version's
 * fields and measurement prefix, the same rule submitting uses: a
 * built-in's slug, a practice copy's original slug, or custom-<templateId>.
 * One statement.
 */
function queryAssignments(clientId: string, practiceId: string): Promise<AssignmentRow[]> {
  return db.$queryRaw<AssignmentRow[]>`
    SELECT a."scheduleType"::text AS "scheduleType",
           to_char(a."startDate", 'YYYY-MM-DD') AS "startDate",
           COALESCE(t.slug, base.slug, 'custom-' || t.id) AS prefix,
           v.id AS "versionId",
           v.title,
           v.fields,
           v."allowsMultiplePerDay"
    FROM "Assignment" a
    JOIN "ExerciseTemplate" t ON t.id = a."templateId"
    LEFT JOIN "ExerciseTemplate" base ON base.id = t."basedOnId"
    JOIN "TemplateVersion" v ON v.id = a."templateVersionId"
    WHERE a."clientId" = ${clientId}
      AND a."practiceId" = ${practiceId}
    ORDER BY a."startDate", a."createdAt", a.id`;
}

/**
 * Means per metric and period (a day for daily exercises, a Monday-started
 * week otherwise), and per exercise the entries that gave a number, in one
 * grouped pass over the (clientId, metric, recordedOn) index.
 */
async function queryMetrics(
  clientId: string,
  practiceId: string,
  metrics: string[],
  daily: string[],
  from: LocalDate | null,
  today: LocalDate,
  withoutPrivate: boolean,
): Promise<MetricRow[]> {
  return db.$queryRaw<MetricRow[]>`
    WITH points AS (
      SELECT m.metric,
             split_part(m.metric, '.', 1) AS prefix,
             m."submissionId",
             m.value,
             CASE WHEN m.metric = ANY(${daily}::text[]) THEN m."recordedOn"
                  ELSE date_trunc('week', m."recordedOn"::timestamp)::date END AS period
      FROM "Measurement" m
      JOIN "Submission" s ON s.id = m."submissionId"
      WHERE m."clientId" = ${clientId}
        AND m."practiceId" = ${practiceId}
        AND m.metric = ANY(${metrics}::text[])
        AND m."recordedOn" >= COALESCE(${from}::date, '-infinity'::date)
        AND m."recordedOn" <= ${today}::date
        AND (${!withoutPrivate} OR NOT (split_part(m.metric, '.', 2) = ANY(s."privateKeys")))
    )
    SELECT metric,
           to_char(period, 'YYYY-MM-DD') AS period,
           prefix,
           round(avg(value)::numeric, 2)::float8 AS mean,
           count(DISTINCT "submissionId")::int AS entries
    FROM points
    GROUP BY GROUPING SETS ((metric, period), (prefix))
    ORDER BY 1, 2`;
}
