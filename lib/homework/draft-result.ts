// What a draft save answers, whichever way it came (the Server Action while
// the page is open, or the keepalive route as it goes away), and the one
// place expected failures become those answers.
import { AppError, type FieldErrors } from "@/lib/errors";
import type { Answers } from "@/lib/exercises";
import { isDatabaseUnavailable } from "@/lib/db-unavailable";
import { AlreadySubmitted, DraftConflict } from "./entry-errors";

export type EntryFailure =
  | { ok: false; reason: "conflict"; current: { answers: Answers; privateKeys: string[]; version: number; updatedAt: string } }
  | { ok: false; reason: "submitted"; submissionId: string }
  | { ok: false; reason: "invalid"; message: string; fieldErrors: FieldErrors };

/** The session ended (idle, expired, signed out elsewhere): the page keeps the text and asks them to sign in again. */
export type SignedOut = { ok: false; reason: "signed-out" };

/** The database could not be reached or did not answer in time: the page keeps the text and tries again. */
export type Unavailable = { ok: false; reason: "unavailable"; message: string };

export type DraftSaveResult =
  | { ok: true; version: number; savedAt: string; safetyConcern: boolean }
  | EntryFailure
  | SignedOut
  | Unavailable;

export const SIGNED_OUT: SignedOut = { ok: false, reason: "signed-out" };

export const OUTAGE_MESSAGE =
  "Trellis can't reach its database; your text is kept on this page and will be saved when it's back.";

export const UNAVAILABLE: Unavailable = { ok: false, reason: "unavailable", message: OUTAGE_MESSAGE };

/** Expected failures as answers; anything else is rethrown (a bug, logged by the caller's error handling). */
export function entryFailure(error: unknown): EntryFailure | Unavailable {
  if (error instanceof DraftConflict) {
    return { ok: false, reason: "conflict", current: { ...error.current, updatedAt: error.current.updatedAt.toISOString() } };
  }
  if (error instanceof AlreadySubmitted) return { ok: false, reason: "submitted", submissionId: error.submissionId };
  if (error instanceof AppError) return { ok: false, reason: "invalid", message: error.message, fieldErrors: error.fieldErrors };
  if (isDatabaseUnavailable(error)) return UNAVAILABLE;
  throw error;
}
