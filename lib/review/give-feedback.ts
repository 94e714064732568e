import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { TherapistScope } from "@/lib/clients/scope";

async function ownSubmissionId(scope: TherapistScope, submissionId: string) {
  const row = await db.submission.findFirst({
    where: { id: submissionId, status: "SUBMITTED", practiceId: scope.practiceId, assignment: { therapistId: scope.therapistId } },
    select: { id: true },
  });
  if (!row) throw notFound();
  return row.id;
}

/** Adds feedback the client will see, and marks the entry reviewed. */
export async function giveFeedback(scope: TherapistScope, input: { submissionId: string; body: string }, now = new Date()) {
  const id = await ownSubmissionId(scope, input.submissionId);
  await db.$transaction([
    db.feedback.create({ data: { submissionId: id, therapistId: scope.therapistId, body: input.body } }),
    db.submission.update({ where: { id }, data: { reviewedAt: now } }),
  ]);
}

/** Marks an entry reviewed (or unreviewed again) without writing feedback. */
export async function setReviewed(scope: TherapistScope, input: { submissionId: string; reviewed: boolean }, now = new Date()) {
  const id = await ownSubmissionId(scope, input.submissionId);
  await db.submission.update({ where: { id }, data: { reviewedAt: input.reviewed ? now : null } });
}
