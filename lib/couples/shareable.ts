import type { FieldDefinition } from "@/lib/exercises";

export const SAFETY_ENTRY_MESSAGE =
  "Entries about your safety stay between you and your clinician, so they can't be shared with your partner.";

/**
 * Whether an entry may be shared with a partner at all. An entry that asks
 * about safety in the relationship (any field with a safety rule, such as
 * "Is this relationship safe for me?") or that raised a safety concern is
 * never shareable: working on trust must not expose someone who is afraid
 * of their partner to that partner.
 */
export function isShareable(fields: readonly FieldDefinition[], safetyConcern: boolean): boolean {
  return !safetyConcern && !fields.some((field) => "safety" in field && field.safety !== undefined);
}
