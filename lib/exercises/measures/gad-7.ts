import { defineExercise } from "../define-exercise";
import { DIFFICULTY_QUESTION, FREQUENCY_OPTIONS, PHQ_ATTRIBUTION } from "./frequency-options";
import { sumScoredItems } from "./sum-scored-items";

/**
 * GAD-7 (Generalized Anxiety Disorder scale). Published wording, labels and
 * scoring, kept verbatim so totals stay comparable (see phq-9.ts).
 */

const item = (key: string, label: string) => ({
  key,
  type: "single_choice" as const,
  label,
  options: FREQUENCY_OPTIONS,
});

export const gad7 = defineExercise({
  slug: "gad-7",
  title: "GAD-7 anxiety questionnaire",
  kind: "measure",
  purpose:
    "Seven short questions about worry and tension over the past two weeks. Repeating them now and then shows whether things are easing.",
  instructions: "Over the last 2 weeks, how often have you been bothered by the following problems?",
  estimatedMinutes: 2,
  allowsMultiplePerDay: false,
  suggestedSchedule: "once",
  audience: "any",
  attribution: PHQ_ATTRIBUTION,
  fields: [
    item("q1_nervous", "Feeling nervous, anxious, or on edge"),
    item("q2_cannot_stop_worrying", "Not being able to stop or control worrying"),
    item("q3_worrying_too_much", "Worrying too much about different things"),
    item("q4_trouble_relaxing", "Trouble relaxing"),
    item("q5_restless", "Being so restless that it is hard to sit still"),
    item("q6_irritable", "Becoming easily annoyed or irritable"),
    item("q7_afraid", "Feeling afraid, as if something awful might happen"),
    { ...DIFFICULTY_QUESTION, options: [...DIFFICULTY_QUESTION.options] },
  ],
});

export type Gad7Band = "minimal" | "mild" | "moderate" | "severe";

export const GAD7_BAND_LABELS: Record<Gad7Band, string> = {
  minimal: "Minimal",
  mild: "Mild",
  moderate: "Moderate",
  severe: "Severe",
};

export const GAD7_MAX_TOTAL = 21;

/** Published cut-offs: 0–4, 5–9, 10–14, 15–21. */
export function gad7Band(total: number): Gad7Band {
  if (total >= 15) return "severe";
  if (total >= 10) return "moderate";
  if (total >= 5) return "mild";
  return "minimal";
}

/** Total and severity band, or null while any of the seven items is unanswered. */
export function scoreGad7(
  answers: Readonly<Record<string, unknown>>,
): { total: number; band: Gad7Band } | null {
  const total = sumScoredItems(gad7.fields, answers);
  return total === null ? null : { total, band: gad7Band(total) };
}
