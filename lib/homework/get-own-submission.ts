import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { fromDbDate } from "@/lib/dates/local-date";
import { isId } from "@/lib/validations/text";
import { mergeAnswers } from "./split-answers";
import { toExerciseVersion, versionSelect } from "@/lib/templates/definition";
import type { ClientScope } from "./client-scope";

/**
 * A submitted entry for its author, with the questions of the version it
 * was answered with and the therapist's feedback. Opening it marks the
 * feedback as read.
 */
export async function getOwnSubmission(client: ClientScope, submissionId: string, now = new Date()) {
  if (!isId(submissionId)) throw notFound();
  const submission = await db.submission.findFirst({
    where: { id: submissionId, clientId: client.clientId, practiceId: client.practiceId, status: "SUBMITTED" },
    select: {
      id: true,
      dueOn: true,
      submittedAt: true,
      answers: true,
      privateAnswers: true,
      privateKeys: true,
      safetyConcern: true,
      sharedWithPartnerAt: true,
      templateVersion: { select: versionSelect },
      assignment: { select: { template: { select: { kind: true } }, therapist: { select: { name: true } } } },
      feedback: {
        orderBy: { createdAt: "asc" },
        select: { id: true, body: true, createdAt: true, readAt: true, therapist: { select: { name: true } } },
      },
    },
  });
  if (!submission) throw notFound();
  const unread = submission.feedback.filter((item) => item.readAt === null).map((item) => item.id);
  if (unread.length) await db.feedback.updateMany({ where: { id: { in: unread }, submissionId: submission.id }, data: { readAt: now } });
  return {
    id: submission.id,
    dueOn: fromDbDate(submission.dueOn),
    submittedAt: submission.submittedAt,
    answers: mergeAnswers(submission.answers, submission.privateAnswers),
    privateKeys: submission.privateKeys,
    safetyConcern: submission.safetyConcern,
    sharedWithPartnerAt: submission.sharedWithPartnerAt,
    version: toExerciseVersion(submission.templateVersion, submission.assignment.template.kind),
    // The client's clinician now (an assignment follows its client when they are handed over)…
    therapistName: submission.assignment.therapist.name,
    // …and who wrote each piece of feedback, which a handover does not change.
    feedback: submission.feedback.map(({ id, body, createdAt, therapist }) => ({ id, body, createdAt, authorName: therapist.name })),
  };
}

/**
 * Whether the caller has a submitted entry with this id: what the segment's
 * layout checks to answer a real 404 before streaming starts (the page itself
 * renders inside a loading boundary, where the status is already sent).
 */
export const hasOwnSubmission = cache(async (clientId: string, practiceId: string, submissionId: string): Promise<boolean> => {
  if (!isId(submissionId)) return false;
  const row = await db.submission.findFirst({
    where: { id: submissionId, clientId, practiceId, status: "SUBMITTED" },
    select: { id: true },
  });
  return row !== null;
});
