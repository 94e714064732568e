import { z } from "zod";
import { textField } from "@/lib/validations/text";
import { FIELD_KEY_PATTERN, MAX_LONG_TEXT_LENGTH, NUMBER_LIMIT, TIMER_PATTERNS, YES_PARTLY_NO_ANSWERS } from "./constants";
import { hasStrayBraces, listScriptBlanks } from "./script-template";

// The zod-free values live in constants.ts (client components import them from there).
export {
  FIELD_KEY_PATTERN,
  MAX_LONG_TEXT_LENGTH,
  NUMBER_LIMIT,
  TIMER_PATTERNS,
  YES_PARTLY_NO_ANSWERS,
  YES_PARTLY_NO_LABELS,
  YES_PARTLY_NO_OPTIONS,
  type YesPartlyNo,
} from "./constants";

/**
 * Field definitions: the typed building blocks of every exercise template.
 *
 * Templates are stored as JSON (built-in ones live in code, custom ones in the
 * database), so everything here is a zod schema first and a TypeScript type
 * second. Variants are strict objects: a typo such as `maxlength` or a safety
 * rule on a field type that cannot carry one is rejected instead of being
 * silently dropped.
 */

/**
 * Template text (labels, help, options…) follows the same character rules as
 * everything else people type; `lines` for what the builder edits in a textarea.
 */
const line = (max: number) => textField({ max, maxMessage: `Keep this under ${max.toLocaleString("en-US")} characters.` });
const lines = (max: number) =>
  textField({ max, multiline: true, maxMessage: `Keep this under ${max.toLocaleString("en-US")} characters.` });

export const fieldKeySchema = z
  .string()
  .max(64, { error: "Keep the key under 64 characters" })
  .regex(FIELD_KEY_PATTERN, {
    error: "Use lower-case letters, digits and underscores, starting with a letter",
  });

/** Option values are stored in answers and safety rules; keep them slug-like too. */
const optionValueSchema = z
  .string()
  .max(64, { error: "Keep the option value under 64 characters" })
  .regex(/^[a-z0-9][a-z0-9_]*$/, {
    error: "Use lower-case letters, digits and underscores for option values",
  });

const choiceOptionSchema = z.strictObject({
  value: optionValueSchema,
  label: line(200).min(1),
});

/**
 * Single-choice options may carry a numeric score (e.g. PHQ-9's 0–3). When
 * every option of a field is scored, the chosen score becomes a measurement.
 */
const scoredChoiceOptionSchema = choiceOptionSchema.extend({
  score: z.number().min(-1000).max(1000).optional(),
});

export type ChoiceOption = z.output<typeof scoredChoiceOptionSchema>;

/* ---------------------------------------------------------------- safety */

/** For answers picked from a list: flag when any of these values is chosen. */
export const answerInSafetyRuleSchema = z.strictObject({
  whenAnswerIn: z.array(z.string().min(1).max(64)).min(1).max(30),
});

/** For numeric answers: flag when the value is at or above the threshold. */
export const atLeastSafetyRuleSchema = z.strictObject({
  whenAtLeast: z.number().min(-NUMBER_LIMIT).max(NUMBER_LIMIT),
});

export type AnswerInSafetyRule = z.output<typeof answerInSafetyRuleSchema>;
export type AtLeastSafetyRule = z.output<typeof atLeastSafetyRuleSchema>;
export type SafetyRule = AnswerInSafetyRule | AtLeastSafetyRule;

/* ---------------------------------------------------------- common parts */

const commonShape = {
  key: fieldKeySchema,
  label: lines(200).min(1, { error: "Every question needs a label" }),
  help: lines(500).optional(),
  required: z.boolean().default(true),
};

const textShape = {
  ...commonShape,
  placeholder: line(200).optional(),
  /** Ask the portal to point out minimising phrases (see minimising-language.ts). */
  warnOnMinimising: z.boolean().default(false),
};

type RefineContext = z.core.$RefinementCtx;

function checkOptions(options: readonly { value: string }[], ctx: RefineContext): void {
  const seen = new Set<string>();
  options.forEach((option, index) => {
    if (seen.has(option.value)) {
      ctx.addIssue({
        code: "custom",
        path: ["options", index, "value"],
        message: `Option value "${option.value}" is used twice`,
      });
    }
    seen.add(option.value);
  });
}

function checkAnswerInRule(
  rule: AnswerInSafetyRule | undefined,
  allowed: readonly string[],
  ctx: RefineContext,
): void {
  if (!rule) return;
  rule.whenAnswerIn.forEach((value, index) => {
    if (!allowed.includes(value)) {
      ctx.addIssue({
        code: "custom",
        path: ["safety", "whenAnswerIn", index],
        message: `"${value}" is not one of this question's answers`,
      });
    }
  });
}

/* ----------------------------------------------------------- the fields */

export const shortTextFieldSchema = z.strictObject({
  type: z.literal("short_text"),
  ...textShape,
  maxLength: z.int().min(1).max(1000).default(200),
});

export const longTextFieldSchema = z.strictObject({
  type: z.literal("long_text"),
  ...textShape,
  maxLength: z.int().min(1).max(MAX_LONG_TEXT_LENGTH).default(10_000),
  /** The client may mark this answer as private: stored, but hidden from the therapist. */
  privateAllowed: z.boolean().default(false),
});

/** The product uses one 0–10 scale everywhere so charts can share an axis. */
export const scaleFieldSchema = z
  .strictObject({
    type: z.literal("scale"),
    ...commonShape,
    min: z.literal(0).default(0),
    max: z.literal(10).default(10),
    minLabel: line(80).min(1),
    maxLabel: line(80).min(1),
    safety: atLeastSafetyRuleSchema.optional(),
  })
  .superRefine((field, ctx) => {
    const threshold = field.safety?.whenAtLeast;
    if (threshold !== undefined && (threshold < field.min || threshold > field.max)) {
      ctx.addIssue({
        code: "custom",
        path: ["safety", "whenAtLeast"],
        message: `The safety threshold must be between ${field.min} and ${field.max}`,
      });
    }
  });

export const numberFieldSchema = z
  .strictObject({
    type: z.literal("number"),
    ...commonShape,
    min: z.number().min(-NUMBER_LIMIT).max(NUMBER_LIMIT).optional(),
    max: z.number().min(-NUMBER_LIMIT).max(NUMBER_LIMIT).optional(),
    integer: z.boolean().default(true),
    /** Shown next to the input, e.g. "times". */
    unit: line(30).min(1).optional(),
    safety: atLeastSafetyRuleSchema.optional(),
  })
  .superRefine((field, ctx) => {
    if (field.min !== undefined && field.max !== undefined && field.min > field.max) {
      ctx.addIssue({ code: "custom", path: ["max"], message: "max must not be below min" });
    }
    const threshold = field.safety?.whenAtLeast;
    if (threshold !== undefined && field.max !== undefined && threshold > field.max) {
      // A rule that can never fire would give a false sense of protection.
      ctx.addIssue({
        code: "custom",
        path: ["safety", "whenAtLeast"],
        message: "The safety threshold is above the highest allowed answer",
      });
    }
  });

export const singleChoiceFieldSchema = z
  .strictObject({
    type: z.literal("single_choice"),
    ...commonShape,
    options: z.array(scoredChoiceOptionSchema).min(2, { error: "Offer at least two options" }).max(30),
    safety: answerInSafetyRuleSchema.optional(),
  })
  .superRefine((field, ctx) => {
    checkOptions(field.options, ctx);
    checkAnswerInRule(field.safety, field.options.map((option) => option.value), ctx);
    const scored = field.options.filter((option) => option.score !== undefined).length;
    if (scored > 0 && scored < field.options.length) {
      ctx.addIssue({
        code: "custom",
        path: ["options"],
        message: "Either every option has a score or none does",
      });
    }
  });

/** Also used for checklists, where ticking nothing can be a meaningful answer. */
export const multiChoiceFieldSchema = z
  .strictObject({
    type: z.literal("multi_choice"),
    ...commonShape,
    options: z.array(choiceOptionSchema).min(2, { error: "Offer at least two options" }).max(30),
    /** Ticks needed to submit a required field; 0 lets "none of these" count as an answer. */
    minSelected: z.int().min(0).default(1),
    maxSelected: z.int().min(1).optional(),
    safety: answerInSafetyRuleSchema.optional(),
  })
  .superRefine((field, ctx) => {
    checkOptions(field.options, ctx);
    checkAnswerInRule(field.safety, field.options.map((option) => option.value), ctx);
    if (field.minSelected > field.options.length) {
      ctx.addIssue({ code: "custom", path: ["minSelected"], message: "minSelected exceeds the number of options" });
    }
    if (field.maxSelected !== undefined && field.maxSelected < field.minSelected) {
      ctx.addIssue({ code: "custom", path: ["maxSelected"], message: "maxSelected must not be below minSelected" });
    }
  });

export const yesPartlyNoFieldSchema = z
  .strictObject({
    type: z.literal("yes_partly_no"),
    ...commonShape,
    safety: answerInSafetyRuleSchema.optional(),
  })
  .superRefine((field, ctx) => {
    checkAnswerInRule(field.safety, YES_PARTLY_NO_ANSWERS, ctx);
  });

const scriptBlankSchema = z.strictObject({
  key: fieldKeySchema,
  label: line(120).min(1),
  placeholder: line(120).optional(),
  maxLength: z.int().min(1).max(2000).default(300),
});

export type ScriptBlank = z.output<typeof scriptBlankSchema>;

export const scriptFieldSchema = z
  .strictObject({
    type: z.literal("script"),
    ...commonShape,
    template: lines(1000).min(1),
    blanks: z.array(scriptBlankSchema).min(1).max(12),
  })
  .superRefine((field, ctx) => {
    if (hasStrayBraces(field.template)) {
      ctx.addIssue({
        code: "custom",
        path: ["template"],
        message: "Gaps must look like {name}: lower-case letters, digits and underscores",
      });
    }
    const inTemplate = listScriptBlanks(field.template);
    const blankKeys = field.blanks.map((blank) => blank.key);
    const reported = new Set<string>();
    for (const name of inTemplate) {
      if (reported.has(name)) continue;
      reported.add(name);
      const timesInTemplate = inTemplate.filter((other) => other === name).length;
      const timesAsBlank = blankKeys.filter((other) => other === name).length;
      if (timesInTemplate > 1) {
        ctx.addIssue({ code: "custom", path: ["template"], message: `The gap {${name}} appears more than once` });
      }
      if (timesAsBlank !== 1) {
        ctx.addIssue({
          code: "custom",
          path: ["blanks"],
          message: `The gap {${name}} needs exactly one blank (found ${timesAsBlank})`,
        });
      }
    }
    field.blanks.forEach((blank, index) => {
      if (!inTemplate.includes(blank.key)) {
        ctx.addIssue({
          code: "custom",
          path: ["blanks", index, "key"],
          message: `The blank "${blank.key}" has no {${blank.key}} in the sentence`,
        });
      } else if (blankKeys.indexOf(blank.key) !== index) {
        ctx.addIssue({
          code: "custom",
          path: ["blanks", index, "key"],
          message: `The blank "${blank.key}" is defined twice`,
        });
      }
    });
  });

export const timerFieldSchema = z
  .strictObject({
    type: z.literal("timer"),
    ...commonShape,
    pattern: z.enum(TIMER_PATTERNS),
    seconds: z.int().min(10).max(1800),
    /** Length of each breathing phase; 4 gives the classic 4-4-4 rhythm. */
    phaseSeconds: z.int().min(2).max(10).optional(),
    /** Short instructions shown one after another while the timer runs. */
    steps: z.array(line(200).min(1)).min(1).max(20).optional(),
  })
  .superRefine((field, ctx) => {
    if (field.phaseSeconds !== undefined && field.pattern !== "box_breathing") {
      ctx.addIssue({
        code: "custom",
        path: ["phaseSeconds"],
        message: "phaseSeconds only applies to box breathing",
      });
    }
  });

export const fieldDefinitionSchema = z.discriminatedUnion("type", [
  shortTextFieldSchema,
  longTextFieldSchema,
  scaleFieldSchema,
  numberFieldSchema,
  singleChoiceFieldSchema,
  multiChoiceFieldSchema,
  yesPartlyNoFieldSchema,
  scriptFieldSchema,
  timerFieldSchema,
]);

/** A parsed field: defaults (required, maxLength, …) are filled in. */
export type FieldDefinition = z.output<typeof fieldDefinitionSchema>;
/** What an author writes: defaults may be left out. */
export type FieldDefinitionInput = z.input<typeof fieldDefinitionSchema>;
export type FieldType = FieldDefinition["type"];
export type FieldOfType<T extends FieldType> = Extract<FieldDefinition, { type: T }>;

export const templateFieldsSchema = z
  .array(fieldDefinitionSchema)
  .min(1, { error: "An exercise needs at least one question" })
  .max(60, { error: "An exercise can have at most 60 questions" })
  .superRefine((fields, ctx) => {
    const seen = new Set<string>();
    fields.forEach((field, index) => {
      if (seen.has(field.key)) {
        ctx.addIssue({
          code: "custom",
          path: [index, "key"],
          message: `The key "${field.key}" is used by more than one question`,
        });
      }
      seen.add(field.key);
    });
  });
