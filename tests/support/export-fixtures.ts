// In-memory client records for the export unit tests: versions built from
// the code catalogue and answers that pass the same submit-mode validation
// the portal uses, so the exports are tested against realistic input.
import {
  buildAnswersSchema,
  getBuiltInExercise,
  type Answers,
  type AnswerValue,
  type ExerciseDefinition,
  type FieldDefinition,
} from "@/lib/exercises";
import type { RecordVersion } from "@/lib/exports/load-client-record";

export function builtIn(slug: string): ExerciseDefinition {
  const definition = getBuiltInExercise(slug);
  if (!definition) throw new Error(`no built-in exercise ${slug}`);
  return definition;
}

/** A stored version of a built-in, as the loader returns it. */
export function recordVersionOf(definition: ExerciseDefinition, id = `version-${definition.slug}`, version = 1): RecordVersion {
  return {
    id,
    templateId: `template-${definition.slug}`,
    version,
    kind: definition.kind,
    title: definition.title,
    purpose: definition.purpose,
    instructions: definition.instructions ?? null,
    estimatedMinutes: definition.estimatedMinutes,
    allowsMultiplePerDay: definition.allowsMultiplePerDay,
    fields: definition.fields,
    details: definition.attribution ? { attribution: definition.attribution } : {},
    slug: definition.slug,
  };
}

function sampleAnswer(field: FieldDefinition): AnswerValue {
  switch (field.type) {
    case "short_text":
      return `Short answer to ${field.key}`;
    case "long_text":
      return `A longer answer to ${field.key},\nwritten over "two" lines.`;
    case "scale":
      return 7;
    case "number": {
      const wanted = field.integer ? 3 : 2.5;
      return Math.min(field.max ?? wanted, Math.max(field.min ?? wanted, wanted));
    }
    case "single_choice":
      return field.options.at(-1)!.value;
    case "multi_choice": {
      const count = Math.min(field.maxSelected ?? field.options.length, Math.max(field.minSelected, 2));
      return field.options.slice(0, count).map((option) => option.value);
    }
    case "yes_partly_no":
      return "partly";
    case "script":
      return Object.fromEntries(field.blanks.map((blank) => [blank.key, `words for ${blank.key}`]));
    case "timer":
      return { completed: true, seconds: field.seconds };
  }
}

/** An answer to every field, checked with the portal's submit-mode schema. */
export function sampleAnswers(fields: readonly FieldDefinition[]): Answers {
  const answers = Object.fromEntries(fields.map((field) => [field.key, sampleAnswer(field)]));
  return buildAnswersSchema(fields, { mode: "submit" }).parse(answers);
}
