import type { ExerciseDefinition } from "../types";
import { gad7, GAD7_MAX_TOTAL, scoreGad7 } from "./gad-7";
import { phq9, PHQ9_MAX_TOTAL, scorePhq9 } from "./phq-9";

export * from "./gad-7";
export * from "./phq-9";

/** Published questionnaires offered next to the trust exercises. */
export const standardizedMeasures: ExerciseDefinition[] = [phq9, gad7];

/**
 * Instruments whose total is charted as `<slug>.total`. Keyed by slug on
 * purpose: a therapist's edited copy has another slug and is no longer the
 * validated instrument, so it gets no official total.
 */
export const measureTotals: Record<
  string,
  { label: string; max: number; score: (answers: Readonly<Record<string, unknown>>) => number | null }
> = {
  [phq9.slug]: { label: "PHQ-9 total", max: PHQ9_MAX_TOTAL, score: (a) => scorePhq9(a)?.total ?? null },
  [gad7.slug]: { label: "GAD-7 total", max: GAD7_MAX_TOTAL, score: (a) => scoreGad7(a)?.total ?? null },
};
