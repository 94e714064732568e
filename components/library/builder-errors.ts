import type { FieldErrors } from "@/lib/errors";

/**
 * Server errors arrive keyed by path at the moment of submitting, e.g.
 * `fields.2.options.0.label`. The builder remembers which question sat at
 * which index then, so errors stay with the right question after reordering.
 */

/** Errors of one question, keyed by the path inside it ("label", "options.0.label"; "" for the question itself). */
export type QuestionErrors = Record<string, string[]>;

export function questionErrors(fieldErrors: FieldErrors, index: number): QuestionErrors {
  const prefix = `fields.${index}`;
  const errors: QuestionErrors = {};
  for (const [path, messages] of Object.entries(fieldErrors)) {
    if (!messages?.length) continue;
    if (path === prefix) errors[""] = messages;
    else if (path.startsWith(`${prefix}.`)) errors[path.slice(prefix.length + 1)] = messages;
  }
  return errors;
}

/** Messages at `path` or anywhere below it. */
export function errorsUnder(errors: QuestionErrors, path: string): string[] | undefined {
  const messages = Object.entries(errors)
    .filter(([key]) => key === path || key.startsWith(`${path}.`))
    .flatMap(([, list]) => list);
  return messages.length ? messages : undefined;
}

/** Messages not shown next to any of the given paths, so none is ever lost. */
export function errorsOutside(errors: QuestionErrors, shown: readonly string[]): string[] {
  return Object.entries(errors)
    .filter(([key]) => !shown.some((path) => key === path || key.startsWith(`${path}.`)))
    .flatMap(([, list]) => list);
}
