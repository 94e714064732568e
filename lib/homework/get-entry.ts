import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { isId } from "@/lib/validations/text";
import { mergeAnswers } from "./split-answers";
import { loadOwnAssignment } from "./load-assignment";
import { resolveWritableEntry } from "./resolve-entry";
import type { ClientScope } from "./client-scope";

/**
 * An entry as the client's form needs it: questions, their own draft (private
 * text included), and its version. Without `now`, cached per request on its
 * primitive arguments, so the segment's layout (which answers a real 404
 * before streaming) and the page share one load.
 */
export function getEntryForClient(client: ClientScope, assignmentId: string, entryKey: string, now?: Date) {
  if (now) return loadEntry(client, assignmentId, entryKey, now);
  return loadEntryCached(client.clientId, client.userId, client.practiceId, client.timeZone, assignmentId, entryKey);
}

const loadEntryCached = cache((clientId: string, userId: string, practiceId: string, timeZone: string, assignmentId: string, entryKey: string) =>
  loadEntry({ clientId, userId, practiceId, timeZone }, assignmentId, entryKey, new Date()),
);

async function loadEntry(client: ClientScope, assignmentId: string, entryKey: string, now: Date) {
  // Entry keys are due dates or log-… ids: id-shaped either way.
  if (!isId(entryKey)) throw notFound();
  const assignment = await loadOwnAssignment(client, assignmentId, now);
  const row = await db.submission.findFirst({
    where: { assignmentId: assignment.id, entryKey, clientId: client.clientId },
    select: { id: true, status: true, version: true, answers: true, privateAnswers: true, privateKeys: true, dueOn: true },
  });
  if (row?.status === "SUBMITTED") return { kind: "submitted" as const, submissionId: row.id };

  const dueOn = await resolveWritableEntry(client, assignment, entryKey);
  return {
    kind: "writable" as const,
    assignment,
    dueOn,
    entryKey,
    version: row?.version ?? 0,
    answers: mergeAnswers(row?.answers, row?.privateAnswers),
    privateKeys: row?.privateKeys ?? [],
  };
}
