import { defineExercise } from "../define-exercise";
import { DIFFICULTY_QUESTION, FREQUENCY_OPTIONS, PHQ_ATTRIBUTION } from "./frequency-options";
import { sumScoredItems } from "./sum-scored-items";

/**
 * PHQ-9 (Patient Health Questionnaire, depression module). Item wording,
 * answer labels and scoring are the published ones and must not be
 * paraphrased: changing them would make totals incomparable with the
 * literature and with other clinicians' records.
 */

/** Any answer above "Not at all" on item 9 is a safety concern. */
export const PHQ9_SAFETY_ITEM_KEY = "q9_self_harm";

const item = (key: string, label: string) => ({
  key,
  type: "single_choice" as const,
  label,
  options: FREQUENCY_OPTIONS,
});

export const phq9 = defineExercise({
  slug: "phq-9",
  title: "PHQ-9 mood questionnaire",
  kind: "measure",
  purpose:
    "Nine short questions about your mood over the past two weeks. Answering them every so often helps you and your therapist notice how things are really going.",
  instructions:
    "Over the last 2 weeks, how often have you been bothered by any of the following problems?",
  estimatedMinutes: 3,
  allowsMultiplePerDay: false,
  suggestedSchedule: "once",
  audience: "any",
  attribution: PHQ_ATTRIBUTION,
  fields: [
    item("q1_interest", "Little interest or pleasure in doing things"),
    item("q2_feeling_down", "Feeling down, depressed, or hopeless"),
    item("q3_sleep", "Trouble falling or staying asleep, or sleeping too much"),
    item("q4_energy", "Feeling tired or having little energy"),
    item("q5_appetite", "Poor appetite or overeating"),
    item(
      "q6_self_worth",
      "Feeling bad about yourself — or that you are a failure or have let yourself or your family down",
    ),
    item(
      "q7_concentration",
      "Trouble concentrating on things, such as reading the newspaper or watching television",
    ),
    item(
      "q8_moving_or_speaking",
      "Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual",
    ),
    {
      ...item(
        PHQ9_SAFETY_ITEM_KEY,
        "Thoughts that you would be better off dead or of hurting yourself in some way",
      ),
      safety: { whenAnswerIn: ["1", "2", "3"] },
    },
    { ...DIFFICULTY_QUESTION, options: [...DIFFICULTY_QUESTION.options] },
  ],
});

export type Phq9Band = "minimal" | "mild" | "moderate" | "moderately_severe" | "severe";

export const PHQ9_BAND_LABELS: Record<Phq9Band, string> = {
  minimal: "Minimal",
  mild: "Mild",
  moderate: "Moderate",
  moderately_severe: "Moderately severe",
  severe: "Severe",
};

export const PHQ9_MAX_TOTAL = 27;

/** Published cut-offs: 0–4, 5–9, 10–14, 15–19, 20–27. */
export function phq9Band(total: number): Phq9Band {
  if (total >= 20) return "severe";
  if (total >= 15) return "moderately_severe";
  if (total >= 10) return "moderate";
  if (total >= 5) return "mild";
  return "minimal";
}

/** Total and severity band, or null while any of the nine items is unanswered. */
export function scorePhq9(
  answers: Readonly<Record<string, unknown>>,
): { total: number; band: Phq9Band } | null {
  const total = sumScoredItems(phq9.fields, answers);
  return total === null ? null : { total, band: phq9Band(total) };
}
