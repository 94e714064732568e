import { z } from "zod";
import { idField } from "./text";

/** PostgreSQL's `integer`: a version beyond it could never have been stored. */
export const MAX_VERSION = 2 ** 31 - 1;
/** More answer keys than any template can have fields (60), with room for old drafts. */
const MAX_ANSWER_KEYS = 100;

/**
 * The envelope of a draft save or a submission. What the answers say is
 * checked against the template (lib/exercises/answers.ts) and their total size
 * by lib/homework/payload-limits.ts, which can say which answer is too long.
 */
export const entryPayloadSchema = z.object({
  assignmentId: idField,
  // A due date (YYYY-MM-DD) or a log entry's key (log-…).
  entryKey: z.string().regex(/^[A-Za-z0-9_-]{1,80}$/),
  answers: z
    .record(z.string().max(64), z.unknown())
    .refine((answers) => Object.keys(answers).length <= MAX_ANSWER_KEYS, "Too many answers."),
  privateKeys: z.array(z.string().max(64)).max(60),
  baseVersion: z.int().min(0).max(MAX_VERSION),
});

export type EntryPayload = z.infer<typeof entryPayloadSchema>;
