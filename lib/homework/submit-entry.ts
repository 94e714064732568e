import "server-only";
import { db } from "@/lib/db";
import { invalid } from "@/lib/errors";
import { buildAnswersSchema, extractMeasurements, findSafetyConcerns } from "@/lib/exercises";
import { toDbDate } from "@/lib/dates/local-date";
import { requestDelivery } from "@/lib/mail/send-mail";
import { raiseSafetyFlag } from "@/lib/safety/raise-safety-flag";
import { DraftConflict } from "./entry-errors";
import { recordedOnFor } from "./entry-rules";
import { loadOwnAssignment } from "./load-assignment";
import { assertEntryInput } from "./payload-limits";
import { ensureEntryRow, resolveWritableEntry } from "./resolve-entry";
import { splitPrivateAnswers } from "./split-answers";
import { validationMessages } from "./validation-messages";
import type { ClientScope } from "./client-scope";
import type { DraftInput } from "./save-draft";

export type SubmitResult = { submissionId: string; alreadySubmitted: boolean; safetyConcern: boolean };

/**
 * Submits an entry exactly once. The entry row is unique per (assignment,
 * entry key) and only a DRAFT row can become SUBMITTED, in one conditional
 * update: a double click, a retry after a timeout or a second tab all end at
 * the same single submission. A stale tab (older version) gets a conflict
 * instead of replacing newer text.
 */
export async function submitEntry(client: ClientScope, input: DraftInput, now = new Date()): Promise<SubmitResult> {
  assertEntryInput(input);
  const assignment = await loadOwnAssignment(client, input.assignmentId, now);
  const existing = await db.submission.findUnique({
    where: { assignmentId_entryKey: { assignmentId: assignment.id, entryKey: input.entryKey } },
    select: { id: true, status: true, clientId: true, safetyConcern: true },
  });
  if (existing?.clientId === client.clientId && existing.status === "SUBMITTED") {
    return { submissionId: existing.id, alreadySubmitted: true, safetyConcern: existing.safetyConcern };
  }

  const dueOn = await resolveWritableEntry(client, assignment, input.entryKey);
  const fields = assignment.version.fields;
  const parsed = buildAnswersSchema(fields, { mode: "submit" }).safeParse(input.answers);
  if (!parsed.success) throw invalid("Some answers need another look.", validationMessages(parsed.error));

  const { shared, hidden, privateKeys } = splitPrivateAnswers(fields, parsed.data, input.privateKeys);
  const concerns = findSafetyConcerns(fields, parsed.data);
  await ensureEntryRow(client, assignment, input.entryKey, dueOn);

  let alertQueued = false;
  const result = await db.$transaction(async (tx) => {
    const claimed = await tx.submission.updateMany({
      where: {
        assignmentId: assignment.id,
        entryKey: input.entryKey,
        clientId: client.clientId,
        status: "DRAFT",
        // A brand-new entry (0) may be submitted over an untouched row only.
        version: input.baseVersion,
      },
      data: {
        status: "SUBMITTED",
        answers: shared,
        privateAnswers: hidden,
        privateKeys,
        safetyConcern: concerns.length > 0,
        submittedAt: now,
        version: { increment: 1 },
      },
    });
    const row = await tx.submission.findUniqueOrThrow({
      where: { assignmentId_entryKey: { assignmentId: assignment.id, entryKey: input.entryKey } },
      select: { id: true, status: true, version: true, updatedAt: true, answers: true, privateAnswers: true, privateKeys: true, safetyConcern: true },
    });
    if (claimed.count === 0) {
      if (row.status === "SUBMITTED") return { submissionId: row.id, alreadySubmitted: true, safetyConcern: row.safetyConcern };
      throw DraftConflict.fromRow(row);
    }
    // Private answers are long text only, so they never produce numbers.
    const measurements = extractMeasurements(assignment.metricPrefix, fields, shared);
    if (measurements.length) {
      await tx.measurement.createMany({
        data: measurements.map((measurement) => ({
          practiceId: client.practiceId,
          clientId: client.clientId,
          submissionId: row.id,
          metric: measurement.metric,
          value: measurement.value,
          recordedOn: toDbDate(recordedOnFor(dueOn, assignment.today)),
        })),
      });
    }
    if (concerns.length) {
      alertQueued = await raiseSafetyFlag(tx, { practiceId: client.practiceId, clientId: client.clientId, submissionId: row.id, fieldKeys: concerns }, now);
    }
    return { submissionId: row.id, alreadySubmitted: false, safetyConcern: concerns.length > 0 };
  });
  // The clinician's alert was queued with the flag; hand it to delivery once committed.
  if (alertQueued) requestDelivery();
  return result;
}
