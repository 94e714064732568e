import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { fromDbDate } from "@/lib/dates/local-date";
import type { Answers } from "@/lib/exercises";
import { toExerciseVersion, versionSelect } from "@/lib/templates/definition";
import type { TherapistScope } from "@/lib/clients/scope";

/**
 * A submission for its client's therapist. The select lists columns one by
 * one and leaves out privateAnswers: private text never leaves the database
 * on a therapist's request. privateKeys says which answers exist but are private.
 */
export function getSubmissionForReview(scope: TherapistScope, submissionId: string) {
  return getSubmissionCached(scope.therapistId, scope.practiceId, submissionId);
}

// Cached per request on primitive arguments: the segment's layout looks the
// entry up (so a missing one answers 404 before streaming) and the page reuses it.
const getSubmissionCached = cache(async (therapistId: string, practiceId: string, submissionId: string) => {
  const row = await db.submission.findFirst({
    where: { id: submissionId, status: "SUBMITTED", practiceId, assignment: { therapistId } },
    select: {
      id: true,
      dueOn: true,
      submittedAt: true,
      reviewedAt: true,
      answers: true,
      privateKeys: true,
      safetyConcern: true,
      client: { select: { id: true, displayName: true, timeZone: true } },
      assignment: { select: { note: true, template: { select: { kind: true } } } },
      templateVersion: { select: versionSelect },
      feedback: { orderBy: { createdAt: "asc" }, select: { id: true, body: true, createdAt: true, readAt: true } },
    },
  });
  if (!row) throw notFound();
  return {
    id: row.id,
    dueOn: fromDbDate(row.dueOn),
    submittedAt: row.submittedAt,
    reviewedAt: row.reviewedAt,
    answers: row.answers as Answers,
    privateKeys: row.privateKeys,
    safetyConcern: row.safetyConcern,
    client: row.client,
    note: row.assignment.note,
    version: toExerciseVersion(row.templateVersion, row.assignment.template.kind),
    feedback: row.feedback,
  };
});
