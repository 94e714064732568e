import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { fromDbDate, type LocalDate } from "@/lib/dates/local-date";
import type { TherapistScope } from "@/lib/clients/scope";
import { unreadRepliesBySubmission } from "@/lib/replies/list-replies";

export type InboxItem = {
  id: string;
  clientId: string;
  clientName: string;
  title: string;
  dueOn: LocalDate;
  submittedAt: Date;
  reviewed: boolean;
  safetyConcern: boolean;
  /** Client replies to feedback on this entry that its clinician has not opened yet. */
  unreadReplies: number;
};

export type InboxShow = "new" | "all" | "replies";

/** Submitted entries across the caller's caseload, newest first. */
export async function listInbox(
  scope: TherapistScope,
  filter: { clientId?: string; templateId?: string; show?: InboxShow; take?: number } = {},
): Promise<InboxItem[]> {
  const rows = await db.submission.findMany({
    where: {
      status: "SUBMITTED",
      practiceId: scope.practiceId,
      assignment: { therapistId: scope.therapistId, ...(filter.templateId ? { templateId: filter.templateId } : {}) },
      ...(filter.clientId ? { clientId: filter.clientId } : {}),
      ...(filter.show === "all"
        ? {}
        : filter.show === "replies"
          ? { feedback: { some: { replies: { some: { readAt: null } } } } }
          : { reviewedAt: null }),
    },
    // "New" shows only unreviewed entries, "replies" those with a reply not yet opened; "all" is plain newest first, with badges.
    orderBy: { submittedAt: "desc" },
    take: filter.take ?? 200,
    // Never privateAnswers: therapist queries do not read it, ever.
    select: {
      id: true,
      clientId: true,
      dueOn: true,
      submittedAt: true,
      reviewedAt: true,
      safetyConcern: true,
      client: { select: { displayName: true } },
      templateVersion: { select: { title: true } },
    },
  });
  const replies = await unreadRepliesBySubmission(scope, rows.map((row) => row.id));
  return rows.map((row) => ({
    id: row.id,
    clientId: row.clientId,
    clientName: row.client.displayName,
    title: row.templateVersion.title,
    dueOn: fromDbDate(row.dueOn),
    submittedAt: row.submittedAt ?? new Date(0),
    reviewed: row.reviewedAt !== null,
    safetyConcern: row.safetyConcern,
    unreadReplies: replies.get(row.id) ?? 0,
  }));
}

/** Beyond this the badge just says "999+": a number that size says nothing more. */
export const UNREVIEWED_COUNT_CAP = 1000;

// Every therapist page shows this count, so it is read from the per-client
// counts that triggers on Submission keep (Client.unreviewedCount): a sum
// over the caseload's client rows instead of counting entries. Cached per
// request on primitive arguments: the layout's badge and the dashboard's
// count share one query.
const countUnreviewedCached = cache(async (therapistId: string, practiceId: string) => {
  const { _sum } = await db.client.aggregate({ where: { therapistId, practiceId }, _sum: { unreviewedCount: true } });
  return _sum.unreviewedCount ?? 0;
});

/** Submitted entries not yet reviewed on the caller's caseload (every client, archived ones too, as the inbox lists them). */
export function countUnreviewed(scope: TherapistScope): Promise<number> {
  return countUnreviewedCached(scope.therapistId, scope.practiceId);
}

export function unreviewedLabel(count: number): string {
  return count >= UNREVIEWED_COUNT_CAP ? `${UNREVIEWED_COUNT_CAP - 1}+` : String(count);
}
