import { standardizedMeasures } from "../measures";
import type { ExerciseDefinition } from "../types";
import { boundaryScript } from "./boundary-script";
import { emotionalRiskStep } from "./emotional-risk-step";
import { groundingPractice } from "./grounding-practice";
import { iStatementBuilder } from "./i-statement-builder";
import { letterToYoungerSelf } from "./letter-to-younger-self";
import { lowRiskTrustDeposit } from "./low-risk-trust-deposit";
import { microPromises } from "./micro-promises";
import { relationshipSafetyCheck } from "./relationship-safety-check";
import { rootsOfMistrust } from "./roots-of-mistrust";
import { signsOfMistrustSelfCheck } from "./signs-of-mistrust-self-check";
import { sincereApologyPlanner } from "./sincere-apology-planner";
import { threeGoodThings } from "./three-good-things";
import { triggerLog } from "./trigger-log";
import { urgeToCheckThenSwap } from "./urge-to-check-then-swap";
import { weeklyTrustCheckIn } from "./weekly-trust-check-in";
import { wordsAndActions } from "./words-and-actions";

/** The trust-repair library, in the order of PRODUCT.md's catalogue table. */
export const builtInExercises: ExerciseDefinition[] = [
  rootsOfMistrust,
  triggerLog,
  iStatementBuilder,
  boundaryScript,
  microPromises,
  threeGoodThings,
  groundingPractice,
  sincereApologyPlanner,
  letterToYoungerSelf,
  weeklyTrustCheckIn,
  signsOfMistrustSelfCheck,
  relationshipSafetyCheck,
  lowRiskTrustDeposit,
  emotionalRiskStep,
  wordsAndActions,
  urgeToCheckThenSwap,
];

const bySlug = new Map<string, ExerciseDefinition>(
  [...builtInExercises, ...standardizedMeasures].map((definition) => [definition.slug, definition]),
);

/** Finds a built-in exercise or standardized measure (PHQ-9, GAD-7) by slug. */
export function getBuiltInExercise(slug: string): ExerciseDefinition | undefined {
  return bySlug.get(slug);
}
