"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getIdentity, requireClient, type ClientIdentity } from "@/lib/auth/session";
import { isDatabaseUnavailable } from "@/lib/db-unavailable";
import { AppError } from "@/lib/errors";
import { clientScope } from "@/lib/homework/client-scope";
import {
  entryFailure,
  SIGNED_OUT,
  UNAVAILABLE,
  type DraftSaveResult,
  type EntryFailure,
  type SignedOut,
  type Unavailable,
} from "@/lib/homework/draft-result";
import { saveDraft } from "@/lib/homework/save-draft";
import { startLogEntry } from "@/lib/homework/start-log-entry";
import { submitEntry } from "@/lib/homework/submit-entry";
import { entryPayloadSchema } from "@/lib/validations/entries";
import { isId } from "@/lib/validations/text";

export type { DraftSaveResult, EntryFailure, SignedOut, Unavailable };
export type SubmitEntryResult = { ok: true; submissionId: string; safetyConcern: boolean } | EntryFailure | SignedOut | Unavailable;

/**
 * The signed-in client, read once (one statement). Answered rather than
 * redirected when signed out: a redirect would take the page, and what was
 * typed, with it. A database that is down is an answer too, never a 500.
 */
async function callingClient(): Promise<ClientIdentity | SignedOut | Unavailable> {
  let identity;
  try {
    identity = await getIdentity();
  } catch (error) {
    if (isDatabaseUnavailable(error)) return UNAVAILABLE;
    throw error;
  }
  if (!identity) return SIGNED_OUT;
  if (identity.role !== "CLIENT") redirect("/dashboard");
  return identity;
}

export async function saveDraftAction(payload: unknown): Promise<DraftSaveResult> {
  const identity = await callingClient();
  if ("ok" in identity) return identity;
  const parsed = entryPayloadSchema.safeParse(payload);
  if (!parsed.success) return { ok: false, reason: "invalid", message: "That could not be saved.", fieldErrors: {} };
  try {
    const saved = await saveDraft(clientScope(identity), parsed.data);
    return { ok: true, version: saved.version, savedAt: saved.savedAt.toISOString(), safetyConcern: saved.safetyConcern };
  } catch (error) {
    return entryFailure(error);
  }
}

export async function submitEntryAction(payload: unknown): Promise<SubmitEntryResult> {
  const identity = await callingClient();
  if ("ok" in identity) return identity;
  const parsed = entryPayloadSchema.safeParse(payload);
  if (!parsed.success) return { ok: false, reason: "invalid", message: "That could not be submitted.", fieldErrors: {} };
  try {
    const result = await submitEntry(clientScope(identity), parsed.data);
    revalidatePath("/portal");
    return { ok: true, submissionId: result.submissionId, safetyConcern: result.safetyConcern };
  } catch (error) {
    return entryFailure(error);
  }
}

/** "Add an entry" on a log: opens a new entry and goes to it. */
export async function startLogEntryAction(formData: FormData) {
  const client = clientScope(await requireClient());
  // Posted by hand with something else than the form (or a junk id): the same answer as a closed log.
  const assignmentId = formData instanceof FormData ? formData.get("assignmentId") : null;
  if (!isId(assignmentId)) redirect("/portal?closed=1");
  let entryKey: string;
  try {
    entryKey = await startLogEntry(client, assignmentId);
  } catch (error) {
    if (error instanceof AppError) redirect("/portal?closed=1");
    throw error;
  }
  redirect(`/portal/homework/${assignmentId}/${entryKey}`);
}
