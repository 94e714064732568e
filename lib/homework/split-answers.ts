import type { Answers, FieldDefinition } from "@/lib/exercises";

/**
 * Separates answers the client chose to keep private (only long-text fields
 * the therapist allowed) from the ones the therapist reads. Keys asked to be
 * private on any other field are ignored, never trusted.
 */
export function splitPrivateAnswers(fields: FieldDefinition[], answers: Answers, requestedPrivateKeys: string[]) {
  const allowed = new Set(fields.filter((field) => field.type === "long_text" && field.privateAllowed).map((field) => field.key));
  const privateKeys = [...new Set(requestedPrivateKeys)].filter((key) => allowed.has(key));
  const shared: Answers = {};
  const hidden: Answers = {};
  for (const [key, value] of Object.entries(answers)) {
    if (privateKeys.includes(key)) hidden[key] = value;
    else shared[key] = value;
  }
  return { shared, hidden, privateKeys };
}

/** The client's own view of an entry: shared and private answers together (stored as JSON columns). */
export function mergeAnswers(shared: unknown, hidden: unknown): Answers {
  return { ...((shared ?? {}) as Answers), ...((hidden ?? {}) as Answers) };
}
