import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { isId } from "@/lib/validations/text";
import { mergeAnswers } from "./split-answers";
import { loadOwnAssignment } from "./load-assignment";
import { resolveWritableEntry } from "./resolve-entry";
import type { ClientScope } from "./client-scope";

/** An entry as the client's form needs it: questions, their own draft (private text included), and its version. */
export async function getEntryForClient(client: ClientScope, assignmentId: string, entryKey: string, now = new Date()) {
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
