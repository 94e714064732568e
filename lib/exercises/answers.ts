import { z } from "zod";
import { cleanTextCheck, normalizeText } from "@/lib/validations/text";
import { MAX_LONG_TEXT_LENGTH, NUMBER_LIMIT, YES_PARTLY_NO_ANSWERS } from "./constants";
import type { AnswerValue, Answers, AnswersMode, FieldDefinition, FieldOfType, ScriptAnswer } from "./field-types";

/**
 * Answer validation, built from a template's fields at runtime.
 *
 * Two modes, because the portal saves drafts while the client types:
 * - "draft": every answer is optional and only shape and length are checked.
 *   A draft must never be rejected for being unfinished or for a value that is
 *   still being typed (e.g. "15" on its way to "1"), or the autosave would
 *   throw away everything else the client wrote.
 * - "submit": required answers must be there, numbers in range, choices among
 *   the options.
 *
 * Messages are shown to the client as they are, so they are plain and kind.
 */

// The answer types live in field-types.ts (zod-free, for client components).
export type { AnswerValue, Answers, AnswersMode, ScriptAnswer, TimerAnswer } from "./field-types";

export const ANSWER_MESSAGES = {
  required: "Please answer this question",
  fillGap: "Please fill in this gap",
  text: "Please write your answer as text",
  chooseOption: "Choose one of the options",
  chooseListed: "Choose only from the listed options",
  yesPartlyNo: "Choose yes, partly or no",
  number: "Please enter a number",
  wholeNumber: "Please enter a whole number",
  timer: "The timer result could not be read",
  unknownKeys: "These answers don't belong to this exercise",
  tooBig: "That number is too big. Please check it",
} as const;

/** Caps that keep drafts bounded even where a field has no explicit limit. */
const MAX_OPTION_VALUE_LENGTH = 64;
const MAX_DRAFT_SELECTIONS = 100;
const MAX_TIMER_SECONDS = 86_400;
/**
 * What an option value can look like (lib/exercises/fields.ts), or "" for a
 * cleared choice. Drafts do not check the options themselves, but nothing
 * else may be stored in their place.
 */
const OPTION_VALUE_SHAPE = new RegExp(`^[a-z0-9_]{0,${MAX_OPTION_VALUE_LENGTH}}$`);

type Mode = { mode: AnswersMode };

function typeError(message: string) {
  // Zod reports a missing key as an invalid_type issue with no input.
  return (issue: { input?: unknown }) =>
    issue.input === undefined ? ANSWER_MESSAGES.required : message;
}

function tooLong(limit: number): string {
  return `Please keep this to ${limit.toLocaleString("en-US")} characters or fewer`;
}

/**
 * What the client typed, as text: NFC, and refused (with a plain message)
 * when it holds control characters, broken emoji halves or hidden
 * text-direction marks. Not trimmed: a draft is saved mid-sentence.
 */
function typedText(limit: number, multiline: boolean) {
  return z
    .string({ error: typeError(ANSWER_MESSAGES.text) })
    .overwrite((value) => normalizeText(value, { multiline }))
    .check(cleanTextCheck({ multiline }))
    .max(limit, { error: tooLong(limit) });
}

/** Older templates may allow more than today's limit; the limit still holds. */
function textLimit(field: { maxLength: number }): number {
  return Math.min(field.maxLength, MAX_LONG_TEXT_LENGTH);
}

function textAnswer(field: FieldOfType<"short_text" | "long_text">, { mode }: Mode) {
  const base = typedText(textLimit(field), field.type === "long_text");
  if (mode === "submit" && field.required) {
    return base.refine((value) => value.trim().length > 0, { error: ANSWER_MESSAGES.required });
  }
  return base;
}

function scaleAnswer(field: FieldOfType<"scale">, { mode }: Mode) {
  const message = `Choose a number from ${field.min} to ${field.max}`;
  const base = z.number({ error: typeError(message) }).min(-NUMBER_LIMIT, { error: message }).max(NUMBER_LIMIT, { error: message });
  if (mode === "draft") return base;
  return base.int({ error: message }).min(field.min, { error: message }).max(field.max, { error: message });
}

function numberRangeMessage(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `Please enter a number from ${min} to ${max}`;
  if (min !== undefined) return `Please enter a number of ${min} or more`;
  return `Please enter a number of ${max} or less`;
}

function numberAnswer(field: FieldOfType<"number">, { mode }: Mode) {
  let schema = z
    .number({ error: typeError(ANSWER_MESSAGES.number) })
    .min(-NUMBER_LIMIT, { error: ANSWER_MESSAGES.tooBig })
    .max(NUMBER_LIMIT, { error: ANSWER_MESSAGES.tooBig });
  if (mode === "draft") return schema;
  if (field.integer) schema = schema.int({ error: ANSWER_MESSAGES.wholeNumber });
  const range = numberRangeMessage(field.min, field.max);
  if (field.min !== undefined) schema = schema.min(field.min, { error: range });
  if (field.max !== undefined) schema = schema.max(field.max, { error: range });
  return schema;
}

function singleChoiceAnswer(field: FieldOfType<"single_choice">, { mode }: Mode) {
  const base = z
    .string({ error: typeError(ANSWER_MESSAGES.chooseOption) })
    .regex(OPTION_VALUE_SHAPE, { error: ANSWER_MESSAGES.chooseOption });
  if (mode === "draft") return base;
  const values = field.options.map((option) => option.value);
  return base.superRefine((value, ctx) => {
    // An empty string is how a cleared choice may arrive; it only matters if required.
    if (value === "") {
      if (field.required) ctx.addIssue({ code: "custom", message: ANSWER_MESSAGES.required });
      return;
    }
    if (!values.includes(value)) ctx.addIssue({ code: "custom", message: ANSWER_MESSAGES.chooseOption });
  });
}

function yesPartlyNoAnswer() {
  // The answer type itself is the three-word union, so it is checked in drafts too.
  return z.enum(YES_PARTLY_NO_ANSWERS, { error: typeError(ANSWER_MESSAGES.yesPartlyNo) });
}

function multiChoiceAnswer(field: FieldOfType<"multi_choice">, { mode }: Mode) {
  const base = z
    .array(z.string().regex(OPTION_VALUE_SHAPE, { error: ANSWER_MESSAGES.chooseListed }), {
      error: typeError(ANSWER_MESSAGES.chooseListed),
    })
    .max(MAX_DRAFT_SELECTIONS, { error: ANSWER_MESSAGES.chooseListed });
  if (mode === "draft") return base;
  const values = field.options.map((option) => option.value);
  return base.superRefine((selected, ctx) => {
    if (selected.some((value) => !values.includes(value))) {
      ctx.addIssue({ code: "custom", message: ANSWER_MESSAGES.chooseListed });
      return;
    }
    if (new Set(selected).size !== selected.length) {
      ctx.addIssue({ code: "custom", message: "Each option can only be ticked once" });
      return;
    }
    // An optional checklist left empty is simply skipped.
    if (selected.length === 0 && !field.required) return;
    if (selected.length < field.minSelected) {
      ctx.addIssue({
        code: "custom",
        message:
          field.minSelected === 1
            ? ANSWER_MESSAGES.required
            : `Please tick at least ${field.minSelected} options`,
      });
    }
    if (field.maxSelected !== undefined && selected.length > field.maxSelected) {
      ctx.addIssue({ code: "custom", message: `Please tick no more than ${field.maxSelected}` });
    }
  });
}

function scriptAnswer(field: FieldOfType<"script">, { mode }: Mode) {
  const fillEveryGap = mode === "submit" && field.required;
  const shape: Record<string, z.ZodType<string | undefined>> = {};
  for (const blank of field.blanks) {
    const gap = typedText(textLimit(blank), false);
    shape[blank.key] = fillEveryGap
      ? gap.refine((value) => value.trim().length > 0, { error: ANSWER_MESSAGES.fillGap })
      : gap.optional();
  }
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === "unrecognized_keys") return "This gap doesn't belong to the sentence";
      return issue.input === undefined ? ANSWER_MESSAGES.required : "Please fill in the gaps";
    },
  });
}

function timerAnswer() {
  return z.strictObject(
    {
      completed: z.boolean({ error: ANSWER_MESSAGES.timer }),
      seconds: z.int({ error: ANSWER_MESSAGES.timer }).min(0).max(MAX_TIMER_SECONDS).optional(),
    },
    { error: typeError(ANSWER_MESSAGES.timer) },
  );
}

/** The schema for one field's answer, before it is made optional. */
export function buildAnswerValueSchema(
  field: FieldDefinition,
  options: Mode,
): z.ZodType<AnswerValue> {
  switch (field.type) {
    case "short_text":
    case "long_text":
      return textAnswer(field, options);
    case "scale":
      return scaleAnswer(field, options);
    case "number":
      return numberAnswer(field, options);
    case "single_choice":
      return singleChoiceAnswer(field, options);
    case "yes_partly_no":
      return yesPartlyNoAnswer();
    case "multi_choice":
      return multiChoiceAnswer(field, options);
    case "script":
      return scriptAnswer(field, options) as z.ZodType<ScriptAnswer>;
    case "timer":
      return timerAnswer();
  }
}

/**
 * Validates a whole answer sheet (field key → answer) for a template.
 * Keys that match no field are rejected in both modes: they would be stored
 * but never shown, which hides bugs and wastes the client's words.
 */
export function buildAnswersSchema(
  fields: readonly FieldDefinition[],
  options: Mode,
): z.ZodType<Answers> {
  const shape: Record<string, z.ZodType<AnswerValue | undefined>> = {};
  for (const field of fields) {
    const value = buildAnswerValueSchema(field, options);
    const mustBePresent = options.mode === "submit" && field.required;
    shape[field.key] = mustBePresent ? value : value.optional();
  }
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === "unrecognized_keys") return ANSWER_MESSAGES.unknownKeys;
      return issue.code === "invalid_type" ? "Answers must be a set of question keys and values" : undefined;
    },
  }) as z.ZodType<Answers>;
}
