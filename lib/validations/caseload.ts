import { z } from "zod";
import { SEARCH_MAX_LENGTH } from "@/lib/caseload/search";
import { idField, searchTextField, textField } from "./text";

export const CASELOAD_NOTE_MAX_LENGTH = 2000;

// A flag that leaves the caseload must leave its reason behind: the note is
// the only record of why the therapist judged it handled.
const note = textField({
  max: CASELOAD_NOTE_MAX_LENGTH,
  multiline: true,
  typeMessage: "Write a short note: what you did or decided.",
  maxMessage: "Keep the note under 2,000 characters.",
}).min(1, "Write a short note: what you did or decided.");

export const COMPUTED_FLAG_KINDS = ["DECLINING_CHECK_IN", "OVERDUE", "SILENT"] as const;

/** Safety flags are acknowledged one by one (by id); computed flags per client and kind. */
export const acknowledgeCaseloadFlagSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("SAFETY"), flagId: idField, note }),
  z.object({ kind: z.enum(COMPUTED_FLAG_KINDS), clientId: idField, note }),
]);

export type AcknowledgeCaseloadFlagInput = z.infer<typeof acknowledgeCaseloadFlagSchema>;

/**
 * `?q=` and `?page=` of the dashboard: anything odd (an array, a very long
 * string, control characters, a page that is not a number) becomes a plain,
 * short search and the first page; a page past the end is clamped by
 * lib/caseload/paginate.
 */
export const caseloadSearchSchema = z.object({
  q: searchTextField(SEARCH_MAX_LENGTH),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  // An owner's or supervisor's filter; an id they may not read shows everyone they may.
  clinician: idField.optional().catch(undefined),
});
