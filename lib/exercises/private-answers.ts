/**
 * The one wording of what "private" means for an answer, used by the form,
 * every preview and the read-only views. It must match what the code does:
 * a therapist allows it on a long-text question (privateAllowed), the client
 * chooses it per answer, and lib/homework/split-answers.ts then stores that
 * answer apart. The therapist sees that the answer is kept private (its key),
 * never its text, in review, charts and exports alike.
 */
export const PRIVATE_ANSWER_TEXT = {
  /** The client's checkbox. */
  choice: "Keep this answer private",
  explanation: "Your therapist will see that you kept an answer private here, but never what you wrote.",
  /** Under a private answer, in the client's own entry. */
  clientView: "Kept private: your therapist sees that it is private, never what you wrote.",
  /** In place of the answer, for the therapist. */
  therapistView: "Kept private by the client",
  /** The builder's and library's note to the therapist. */
  therapistNote: "Your client may keep this answer private: you would see that it is private, never what they wrote.",
} as const;

/** Whether the client may choose to keep this field's answer private. */
export function canBePrivate(field: { type: string; privateAllowed?: boolean }): boolean {
  return field.type === "long_text" && field.privateAllowed === true;
}
