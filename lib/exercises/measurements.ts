import type { FieldDefinition, YesPartlyNo } from "./fields";
import { measureTotals } from "./measures";
import { isScored } from "./measures/sum-scored-items";
import type { ExerciseDefinition } from "./types";

/**
 * Turns numeric answers into measurements for the progress charts.
 *
 * Metric keys are `<exercise-slug>.<field_key>` (plus `.count` for
 * checklists and `.total` for questionnaire totals) so a row in the
 * measurements table explains itself without looking up the template.
 */

export type Measurement = { metric: string; value: number };

export type MetricSource = "scale" | "number" | "yes_partly_no" | "count" | "score" | "total";

export type MetricDescription = {
  metric: string;
  label: string;
  source: MetricSource;
  min?: number;
  max?: number;
};

/** "Partly" sits halfway so kept-rates can average yes/partly/no honestly. */
export const YES_PARTLY_NO_VALUES: Record<YesPartlyNo, number> = { yes: 1, partly: 0.5, no: 0 };

export function metricKey(exerciseSlug: string, fieldKey: string, suffix?: "count" | "total"): string {
  return suffix ? `${exerciseSlug}.${fieldKey}.${suffix}` : `${exerciseSlug}.${fieldKey}`;
}

export function totalMetricKey(exerciseSlug: string): string {
  return `${exerciseSlug}.total`;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** The numeric value of one answer, or null if the field/answer is not numeric. */
function numericValue(field: FieldDefinition, answer: unknown): number | null {
  switch (field.type) {
    case "scale":
      return isFiniteNumber(answer) && answer >= field.min && answer <= field.max ? answer : null;
    case "number":
      return isFiniteNumber(answer) ? answer : null;
    case "yes_partly_no":
      return typeof answer === "string" && Object.hasOwn(YES_PARTLY_NO_VALUES, answer)
        ? YES_PARTLY_NO_VALUES[answer as YesPartlyNo]
        : null;
    case "multi_choice": {
      if (!Array.isArray(answer)) return null;
      // Count distinct, known options so a malformed answer cannot inflate a score.
      const known = new Set(field.options.map((option) => option.value));
      return new Set(answer.filter((value) => known.has(value))).size;
    }
    case "single_choice": {
      if (!isScored(field)) return null;
      return field.options.find((option) => option.value === answer)?.score ?? null;
    }
    default:
      return null;
  }
}

export function extractMeasurements(
  exerciseSlug: string,
  fields: readonly FieldDefinition[],
  answers: Readonly<Record<string, unknown>>,
): Measurement[] {
  const measurements: Measurement[] = [];
  for (const field of fields) {
    const value = numericValue(field, answers[field.key]);
    if (value === null) continue;
    const suffix = field.type === "multi_choice" ? "count" : undefined;
    measurements.push({ metric: metricKey(exerciseSlug, field.key, suffix), value });
  }
  const total = measureTotals[exerciseSlug]?.score(answers) ?? null;
  if (total !== null) measurements.push({ metric: totalMetricKey(exerciseSlug), value: total });
  return measurements;
}

function describeField(slug: string, field: FieldDefinition): MetricDescription | null {
  const base = { metric: metricKey(slug, field.key), label: field.label };
  switch (field.type) {
    case "scale":
      return { ...base, source: "scale", min: field.min, max: field.max };
    case "number":
      return { ...base, source: "number", min: field.min, max: field.max };
    case "yes_partly_no":
      return { ...base, source: "yes_partly_no", min: 0, max: 1 };
    case "multi_choice":
      return {
        ...base,
        metric: metricKey(slug, field.key, "count"),
        source: "count",
        min: 0,
        max: field.options.length,
      };
    case "single_choice": {
      if (!isScored(field)) return null;
      const scores = field.options.map((option) => option.score ?? 0);
      return { ...base, source: "score", min: Math.min(...scores), max: Math.max(...scores) };
    }
    default:
      return null;
  }
}

/** Every metric an exercise can produce, with labels and ranges for chart axes. */
export function describeMetrics(definition: ExerciseDefinition): MetricDescription[] {
  return describeMetricsOf(definition.slug, definition.fields);
}

/**
 * The metrics of one stored template version under its measurement prefix
 * (the slug, a copied built-in's slug, or `custom-<templateId>`). Options:
 * `withoutPrivate` leaves out any field a client may keep private, so a
 * therapist's chart can never be built from one, whatever its type.
 */
export function describeMetricsOf(
  prefix: string,
  fields: readonly FieldDefinition[],
  options: { withoutPrivate?: boolean } = {},
): MetricDescription[] {
  const metrics = fields.flatMap((field) => {
    if (options.withoutPrivate && "privateAllowed" in field && field.privateAllowed) return [];
    const description = describeField(prefix, field);
    return description ? [description] : [];
  });
  const total = measureTotals[prefix];
  if (total) {
    metrics.push({ metric: totalMetricKey(prefix), label: total.label, source: "total", min: 0, max: total.max });
  }
  return metrics;
}

/** "weekly-trust-check-in.times_checked" → "times_checked"; "x.signs.count" → "signs". */
export function fieldKeyOfMetric(metric: string): string {
  return metric.split(".")[1] ?? "";
}
