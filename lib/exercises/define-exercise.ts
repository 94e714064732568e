import {
  exerciseDefinitionSchema,
  type ExerciseDefinition,
  type ExerciseDefinitionInput,
} from "./types";

/**
 * Parses a built-in definition once, when its module loads. A mistake in the
 * catalogue (a duplicate key, a script gap without a blank) then fails every
 * test and the build immediately instead of surfacing in a client's portal.
 * Parsing also fills in defaults, so consumers always see complete fields.
 */
export function defineExercise(input: ExerciseDefinitionInput): ExerciseDefinition {
  const result = exerciseDefinitionSchema.safeParse(input);
  if (!result.success) {
    const details = result.error.issues
      .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`)
      .join("; ");
    throw new Error(`Invalid built-in exercise "${input.slug}": ${details}`);
  }
  return result.data;
}
