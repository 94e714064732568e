import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TherapistScope } from "@/lib/clients/scope";

/** Submitted entries of the caller's own caseload: the scope every query here starts from. */
function ownEntries(scope: TherapistScope): Prisma.SubmissionWhereInput {
  return { status: "SUBMITTED", practiceId: scope.practiceId, assignment: { therapistId: scope.therapistId } };
}

/**
 * Marks the chosen entries reviewed in one statement. The scope is part of
 * the update itself: ids of a colleague's or another practice's entries (or
 * ids that do not exist) match nothing and are ignored, and an entry already
 * reviewed keeps its first review time. Returns how many were newly marked.
 */
export async function markReviewedMany(scope: TherapistScope, submissionIds: string[], now = new Date()): Promise<number> {
  if (submissionIds.length === 0) return 0;
  const { count } = await db.submission.updateMany({
    where: { AND: [ownEntries(scope), { id: { in: submissionIds }, reviewedAt: null }] },
    data: { reviewedAt: now },
  });
  return count;
}

/**
 * The unreviewed entry after `currentId` in the inbox's order (newest first),
 * wrapping round to the newest; null when nothing else waits. Only ever one
 * of the caller's own entries.
 */
export async function nextUnreviewedEntry(scope: TherapistScope, currentId: string): Promise<string | null> {
  const waiting: Prisma.SubmissionWhereInput = { AND: [ownEntries(scope), { reviewedAt: null, id: { not: currentId } }] };
  const order: Prisma.SubmissionOrderByWithRelationInput[] = [{ submittedAt: "desc" }, { id: "desc" }];
  const current = await db.submission.findFirst({ where: { AND: [ownEntries(scope), { id: currentId }] }, select: { id: true, submittedAt: true } });
  if (current?.submittedAt) {
    const after = await db.submission.findFirst({
      where: {
        AND: [waiting, { OR: [{ submittedAt: { lt: current.submittedAt } }, { submittedAt: current.submittedAt, id: { lt: current.id } }] }],
      },
      orderBy: order,
      select: { id: true },
    });
    if (after) return after.id;
  }
  const newest = await db.submission.findFirst({ where: waiting, orderBy: order, select: { id: true } });
  return newest?.id ?? null;
}
