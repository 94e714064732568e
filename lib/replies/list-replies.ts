import "server-only";
import { db } from "@/lib/db";
import { isId } from "@/lib/validations/text";
import type { ClientScope } from "@/lib/homework/client-scope";
import type { TherapistScope } from "@/lib/clients/scope";

export type Reply = { id: string; feedbackId: string; body: string; createdAt: Date; readAt: Date | null };

/** Replies grouped by the feedback they answer, oldest first. */
export type ReplyThreads = Record<string, Reply[]>;

const replySelect = { id: true, feedbackId: true, body: true, createdAt: true, readAt: true } as const;

function byFeedback(replies: Reply[]): ReplyThreads {
  const threads: ReplyThreads = {};
  for (const reply of replies) (threads[reply.feedbackId] ??= []).push(reply);
  return threads;
}

/** The client's own replies on one of their entries (another client's entry: none). */
export async function listOwnReplies(client: ClientScope, submissionId: string): Promise<ReplyThreads> {
  if (!isId(submissionId)) return {};
  const replies = await db.feedbackReply.findMany({
    where: {
      clientId: client.clientId,
      practiceId: client.practiceId,
      feedback: { submission: { id: submissionId, clientId: client.clientId, practiceId: client.practiceId } },
    },
    orderBy: { createdAt: "asc" },
    select: replySelect,
  });
  return byFeedback(replies);
}

/**
 * Who reads a thread on the review page: the scope of the client's primary
 * clinician (TherapistScope, as clientReadScope gives it) and who is actually
 * looking (actorId).
 */
export type ThreadReader = TherapistScope & { actorId: string };

/**
 * The replies on an entry for the staff who may read it. Opening the thread
 * marks its unread replies read only when the reader is the client's primary
 * clinician, checked against the client row here rather than trusted from the
 * caller: an owner's or supervisor's look leaves them unread. The replies come
 * back as they were before this look, so the page can mark the new ones.
 */
export async function readReplyThreads(reader: ThreadReader, submissionId: string, now = new Date()): Promise<ReplyThreads> {
  if (!isId(submissionId)) return {};
  const replies = await db.feedbackReply.findMany({
    where: {
      practiceId: reader.practiceId,
      client: { therapistId: reader.therapistId, practiceId: reader.practiceId },
      feedback: { submission: { id: submissionId, practiceId: reader.practiceId } },
    },
    orderBy: { createdAt: "asc" },
    select: { ...replySelect, client: { select: { therapistId: true } } },
  });
  const unread = replies.filter((reply) => reply.readAt === null && reply.client.therapistId === reader.actorId).map((reply) => reply.id);
  if (unread.length) {
    await db.feedbackReply.updateMany({
      where: { id: { in: unread }, readAt: null, client: { therapistId: reader.actorId, practiceId: reader.practiceId } },
      data: { readAt: now },
    });
  }
  return byFeedback(replies.map((reply) => ({ id: reply.id, feedbackId: reply.feedbackId, body: reply.body, createdAt: reply.createdAt, readAt: reply.readAt })));
}

/** Unread replies across the caller's caseload: the review inbox's count. */
export function countUnreadReplies(scope: TherapistScope): Promise<number> {
  return db.feedbackReply.count({
    where: { readAt: null, practiceId: scope.practiceId, client: { therapistId: scope.therapistId, practiceId: scope.practiceId } },
  });
}

/** Unread replies per submission, for a page of inbox rows. */
export async function unreadRepliesBySubmission(scope: TherapistScope, submissionIds: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (submissionIds.length === 0) return counts;
  const rows = await db.feedbackReply.findMany({
    where: {
      readAt: null,
      practiceId: scope.practiceId,
      client: { therapistId: scope.therapistId, practiceId: scope.practiceId },
      feedback: { submissionId: { in: submissionIds } },
    },
    select: { feedback: { select: { submissionId: true } } },
  });
  for (const row of rows) counts.set(row.feedback.submissionId, (counts.get(row.feedback.submissionId) ?? 0) + 1);
  return counts;
}
