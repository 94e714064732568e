/**
 * The types of fields and answers, with no runtime code: what client
 * components import instead of fields.ts / answers.ts (which carry zod).
 * The field types are inferred from the zod schemas, so they cannot drift.
 */
export type {
  AnswerInSafetyRule,
  AtLeastSafetyRule,
  ChoiceOption,
  FieldDefinition,
  FieldDefinitionInput,
  FieldOfType,
  FieldType,
  SafetyRule,
  ScriptBlank,
} from "./fields";
export type { ExerciseDefinition, ExerciseDefinitionInput } from "./types";
export type { YesPartlyNo, TimerPattern, ExerciseKind } from "./constants";

export type TimerAnswer = { completed: boolean; seconds?: number };
/** Gap key → what the client wrote in that gap. */
export type ScriptAnswer = Record<string, string>;
export type AnswerValue = string | number | string[] | ScriptAnswer | TimerAnswer;
/** Field key → answer. Unanswered fields are simply absent. */
export type Answers = Record<string, AnswerValue>;
export type AnswersMode = "draft" | "submit";
