import type { FieldDefinition } from "../fields";

/**
 * Adds up the scores of every scored single-choice question.
 *
 * Returns null unless every scored item has a valid answer: a total built
 * from a half-finished questionnaire would understate how someone is doing,
 * which is worse than showing no total at all.
 */
export function sumScoredItems(
  fields: readonly FieldDefinition[],
  answers: Readonly<Record<string, unknown>>,
): number | null {
  let total = 0;
  for (const field of fields) {
    if (field.type !== "single_choice" || !isScored(field)) continue;
    const answer = answers[field.key];
    const chosen = field.options.find((option) => option.value === answer);
    if (chosen?.score === undefined) return null;
    total += chosen.score;
  }
  return total;
}

export function isScored(field: FieldDefinition): boolean {
  return (
    field.type === "single_choice" && field.options.every((option) => option.score !== undefined)
  );
}
