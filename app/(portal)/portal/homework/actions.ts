"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getIdentity, requireClient } from "@/lib/auth/session";
import { AppError, type FieldErrors } from "@/lib/errors";
import type { Answers } from "@/lib/exercises";
import { clientScope } from "@/lib/homework/client-scope";
import { AlreadySubmitted, DraftConflict } from "@/lib/homework/entry-errors";
import { saveDraft } from "@/lib/homework/save-draft";
import { startLogEntry } from "@/lib/homework/start-log-entry";
import { submitEntry } from "@/lib/homework/submit-entry";
import { entryPayloadSchema } from "@/lib/validations/entries";

export type EntryFailure =
  | { ok: false; reason: "conflict"; current: { answers: Answers; privateKeys: string[]; version: number; updatedAt: string } }
  | { ok: false; reason: "submitted"; submissionId: string }
  | { ok: false; reason: "invalid"; message: string; fieldErrors: FieldErrors };

/** The session ended (idle, expired, signed out elsewhere): the page keeps the text and asks them to sign in again. */
export type SignedOut = { ok: false; reason: "signed-out" };

export type DraftSaveResult = { ok: true; version: number; savedAt: string; safetyConcern: boolean } | EntryFailure | SignedOut;
export type SubmitEntryResult = { ok: true; submissionId: string; safetyConcern: boolean } | EntryFailure | SignedOut;

const SIGNED_OUT: SignedOut = { ok: false, reason: "signed-out" };

function entryFailure(error: unknown): EntryFailure {
  if (error instanceof DraftConflict) {
    return { ok: false, reason: "conflict", current: { ...error.current, updatedAt: error.current.updatedAt.toISOString() } };
  }
  if (error instanceof AlreadySubmitted) return { ok: false, reason: "submitted", submissionId: error.submissionId };
  if (error instanceof AppError) return { ok: false, reason: "invalid", message: error.message, fieldErrors: error.fieldErrors };
  throw error;
}

export async function saveDraftAction(payload: unknown): Promise<DraftSaveResult> {
  // Answered rather than redirected: a redirect would take the page, and what was typed, with it.
  if (!(await getIdentity())) return SIGNED_OUT;
  const client = clientScope(await requireClient());
  const parsed = entryPayloadSchema.safeParse(payload);
  if (!parsed.success) return { ok: false, reason: "invalid", message: "That could not be saved.", fieldErrors: {} };
  try {
    const saved = await saveDraft(client, parsed.data);
    return { ok: true, version: saved.version, savedAt: saved.savedAt.toISOString(), safetyConcern: saved.safetyConcern };
  } catch (error) {
    return entryFailure(error);
  }
}

export async function submitEntryAction(payload: unknown): Promise<SubmitEntryResult> {
  if (!(await getIdentity())) return SIGNED_OUT;
  const client = clientScope(await requireClient());
  const parsed = entryPayloadSchema.safeParse(payload);
  if (!parsed.success) return { ok: false, reason: "invalid", message: "That could not be submitted.", fieldErrors: {} };
  try {
    const result = await submitEntry(client, parsed.data);
    revalidatePath("/portal");
    return { ok: true, submissionId: result.submissionId, safetyConcern: result.safetyConcern };
  } catch (error) {
    return entryFailure(error);
  }
}

export async function startLogEntryAction(formData: FormData) {
  const client = clientScope(await requireClient());
  const assignmentId = String(formData.get("assignmentId") ?? "");
  let entryKey: string;
  try {
    entryKey = await startLogEntry(client, assignmentId);
  } catch (error) {
    if (error instanceof AppError) redirect("/portal?closed=1");
    throw error;
  }
  redirect(`/portal/homework/${assignmentId}/${entryKey}`);
}
