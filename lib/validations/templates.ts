import { z } from "zod";
import { EXERCISE_KINDS, templateFieldsSchema } from "@/lib/exercises";
import type { FieldErrors } from "@/lib/errors";
import { idField, searchTextField, textField } from "./text";

/**
 * The exercise builder's schemas. `templateSchema` is what data functions
 * accept (and re-check before anything is stored); `templateFormSchema` reads
 * the builder's form, where the questions arrive as one JSON text.
 */

export const NO_QUESTIONS = "Add at least one question.";
const UNREADABLE_QUESTIONS = "We couldn't read the questions. Please reload the page and try again.";
const MINUTES = "Enter a number of minutes between 1 and 120.";

const title = textField({
  max: 120,
  typeMessage: "Give the exercise a title.",
  maxMessage: "Keep the title under 120 characters.",
}).min(1, { error: "Give the exercise a title." });

const purpose = textField({
  max: 400,
  multiline: true,
  typeMessage: "Tell your client in a sentence or two why this exercise helps.",
  maxMessage: "Keep the purpose under 400 characters.",
}).min(1, { error: "Tell your client in a sentence or two why this exercise helps." });

const kind = z.enum(EXERCISE_KINDS, { error: "Choose what kind of exercise this is." });

const instructions = textField({ max: 1000, multiline: true, maxMessage: "Keep the instructions under 1,000 characters." })
  .optional()
  .transform((value) => (value ? value : undefined));

const minutes = z.int({ error: MINUTES }).min(1, { error: MINUTES }).max(120, { error: MINUTES });

// The empty case gets its own wording before the field definitions are checked.
const fields = z.array(z.unknown(), { error: UNREADABLE_QUESTIONS }).min(1, { error: NO_QUESTIONS }).pipe(templateFieldsSchema);

export const templateSchema = z.object({
  title,
  purpose,
  kind,
  instructions,
  estimatedMinutes: minutes,
  allowsMultiplePerDay: z.boolean(),
  fields,
});

/** Far above what 60 questions with every setting filled in can take, and far below what would hurt to parse. */
export const MAX_QUESTIONS_JSON_LENGTH = 500_000;

const jsonText = z
  .string({ error: UNREADABLE_QUESTIONS })
  .max(MAX_QUESTIONS_JSON_LENGTH, { error: "This exercise is too long to save. Please remove some questions or shorten them." })
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: UNREADABLE_QUESTIONS });
      return z.NEVER;
    }
  });

export const templateFormSchema = z.object({
  title,
  purpose,
  kind,
  instructions,
  estimatedMinutes: z.coerce.number({ error: MINUTES }).pipe(minutes),
  allowsMultiplePerDay: z
    .string()
    .optional()
    .transform((value) => value === "on"),
  fields: jsonText.pipe(fields),
});

export const templateIdSchema = z.object({
  templateId: idField,
});

/** What callers may pass in: defaults of the field definitions may be left out. */
export type TemplateInput = z.input<typeof templateSchema>;
/** A checked template with every default filled in. */
export type TemplateData = z.output<typeof templateSchema>;

function lastKey(path: readonly PropertyKey[]): PropertyKey | undefined {
  return [...path].reverse().find((segment) => typeof segment === "string");
}

function tooShortMessage(path: readonly PropertyKey[]): string {
  const key = lastKey(path);
  if (path.includes("whenAnswerIn")) return "Choose at least one answer that should alert you.";
  if (key === "blanks") return "Add at least one gap to the sentence, like {feeling}.";
  if (path.includes("options")) return "Give each option a label.";
  if (path.includes("blanks")) return "Say what belongs in this gap.";
  if (key === "minLabel") return "Say what the low end of the scale means.";
  if (key === "maxLabel") return "Say what the high end of the scale means.";
  if (key === "template") return "Write the sentence, with its gaps in curly braces.";
  if (key === "unit") return "Add a unit, or leave it out.";
  return "Please fill this in.";
}

function rangeMessage(path: readonly PropertyKey[], bound: "min" | "max", limit: unknown): string {
  const key = lastKey(path);
  if (key === "seconds") return "A timer can run from 10 seconds to 30 minutes (1,800 seconds).";
  if (key === "phaseSeconds") return "Each breathing step can last 2 to 10 seconds.";
  return bound === "min" ? `Use ${String(limit)} or more.` : `Use ${String(limit)} or less.`;
}

/**
 * Replaces zod's built-in wording (e.g. "Too small: expected string to have
 * >=1 characters") with plain sentences. Messages written into a schema take
 * precedence over this map, so it only fills the gaps.
 */
export const templateErrorMap: z.core.$ZodErrorMap = (issue) => {
  const path = issue.path ?? [];
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string" || issue.origin === "array") return tooShortMessage(path);
      return rangeMessage(path, "min", issue.minimum);
    case "too_big":
      if (issue.origin === "string") return `Keep this under ${String(issue.maximum)} characters.`;
      if (issue.origin === "array") return `Use at most ${String(issue.maximum)}.`;
      return rangeMessage(path, "max", issue.maximum);
    case "invalid_type":
      if (issue.expected === "number" || issue.expected === "int") return "Enter a number.";
      return undefined;
    case "invalid_union":
      return "Choose a question type.";
    case "invalid_value":
      return lastKey(path) === "type" ? "Choose a question type." : undefined;
    case "unrecognized_keys":
      return "This question has a setting we don't recognise.";
    default:
      return undefined;
  }
};

/** Field errors keyed by dotted path, e.g. `fields.2.label`, as the forms expect. */
export function templateFieldErrors(error: z.ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fieldErrors;
}

export function parseTemplate(input: unknown) {
  return templateSchema.safeParse(input, { error: templateErrorMap });
}

export function parseTemplateForm(values: Record<string, string>) {
  return templateFormSchema.safeParse(values, { error: templateErrorMap });
}

/** The library's `?q=&kind=` search parameters; anything odd falls back to "no filter". */
export const libraryFilterSchema = z.object({
  q: searchTextField(100),
  kind: z.enum(EXERCISE_KINDS).optional().catch(undefined),
});
