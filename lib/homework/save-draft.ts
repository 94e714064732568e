import "server-only";
import { db } from "@/lib/db";
import { invalid } from "@/lib/errors";
import { buildAnswersSchema, findSafetyConcerns } from "@/lib/exercises";
import { raiseSafetyFlag } from "@/lib/safety/raise-safety-flag";
import { validationMessages } from "./validation-messages";
import { AlreadySubmitted, DraftConflict } from "./entry-errors";
import { loadOwnAssignment } from "./load-assignment";
import { assertEntryInput } from "./payload-limits";
import { ensureEntryRow, resolveWritableEntry } from "./resolve-entry";
import { splitPrivateAnswers } from "./split-answers";
import type { ClientScope } from "./client-scope";

export type DraftInput = {
  assignmentId: string;
  entryKey: string;
  answers: unknown;
  privateKeys: string[];
  /** The version the client last saw; 0 for a new entry. */
  baseVersion: number;
};

/**
 * Saves what the client has typed so far. A save based on an older version
 * than the stored one is refused with the newer text (DraftConflict), so two
 * tabs never silently overwrite each other.
 */
export async function saveDraft(client: ClientScope, input: DraftInput, now = new Date()) {
  assertEntryInput(input);
  const assignment = await loadOwnAssignment(client, input.assignmentId, now);
  const dueOn = await resolveWritableEntry(client, assignment, input.entryKey);
  const parsed = buildAnswersSchema(assignment.version.fields, { mode: "draft" }).safeParse(input.answers);
  if (!parsed.success) throw invalid("Some answers could not be saved.", validationMessages(parsed.error));

  const { shared, hidden, privateKeys } = splitPrivateAnswers(assignment.version.fields, parsed.data, input.privateKeys);
  const concerns = findSafetyConcerns(assignment.version.fields, parsed.data);
  await ensureEntryRow(client, assignment, input.entryKey, dueOn);

  return db.$transaction(async (tx) => {
    const updated = await tx.submission.updateMany({
      where: { assignmentId: assignment.id, entryKey: input.entryKey, clientId: client.clientId, status: "DRAFT", version: input.baseVersion },
      data: {
        answers: shared,
        privateAnswers: hidden,
        privateKeys,
        safetyConcern: concerns.length > 0,
        version: { increment: 1 },
      },
    });
    const row = await tx.submission.findUniqueOrThrow({
      where: { assignmentId_entryKey: { assignmentId: assignment.id, entryKey: input.entryKey } },
      select: { id: true, status: true, version: true, updatedAt: true, answers: true, privateAnswers: true, privateKeys: true },
    });
    if (updated.count === 0) {
      if (row.status === "SUBMITTED") throw new AlreadySubmitted(row.id);
      throw DraftConflict.fromRow(row);
    }
    // A client who says they are unsafe is flagged even if they never press submit.
    if (concerns.length) {
      await raiseSafetyFlag(tx, { practiceId: client.practiceId, clientId: client.clientId, submissionId: row.id, fieldKeys: concerns });
    }
    return { version: row.version, savedAt: row.updatedAt, safetyConcern: concerns.length > 0 };
  });
}
