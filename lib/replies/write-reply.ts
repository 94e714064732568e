import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/audit/record-event";
import type { ClientScope } from "@/lib/homework/client-scope";
import type { ReplyInput } from "./schema";

/**
 * The same text sent again to the same feedback within this long is taken for
 * a double submit (a second tap, a retried request) and answered with the
 * reply already stored.
 */
export const DUPLICATE_REPLY_WINDOW_MS = 10 * 60 * 1000;

/**
 * A client's reply to feedback on one of their OWN submitted entries. The
 * feedback is looked up through the client's scope, so someone else's
 * feedback id reads as not found. The feedback row is locked for the
 * transaction: parallel identical submits queue behind each other, and all
 * but the first find the first one's reply.
 */
export async function writeReply(client: ClientScope, input: ReplyInput, now = new Date()) {
  return db.$transaction(async (tx) => {
    const feedback = await tx.feedback.findFirst({
      where: { id: input.feedbackId, submission: { clientId: client.clientId, practiceId: client.practiceId, status: "SUBMITTED" } },
      select: { id: true, submissionId: true },
    });
    if (!feedback) throw notFound();
    await tx.$queryRaw`SELECT "id" FROM "Feedback" WHERE "id" = ${feedback.id} FOR UPDATE`;

    const previous = await tx.feedbackReply.findFirst({
      where: { feedbackId: feedback.id, clientId: client.clientId },
      orderBy: { createdAt: "desc" },
      select: { id: true, body: true, createdAt: true },
    });
    if (previous && previous.body === input.body && now.getTime() - previous.createdAt.getTime() < DUPLICATE_REPLY_WINDOW_MS) {
      return { id: previous.id, submissionId: feedback.submissionId, duplicate: true };
    }

    const reply = await tx.feedbackReply.create({
      data: { practiceId: client.practiceId, feedbackId: feedback.id, clientId: client.clientId, body: input.body, createdAt: now },
      select: { id: true },
    });
    await recordEvent(tx, {
      practiceId: client.practiceId,
      actorId: client.userId,
      action: "feedback_reply.written",
      subjectType: "FeedbackReply",
      subjectId: reply.id,
      clientId: client.clientId,
      metadata: { feedbackId: feedback.id },
    });
    return { id: reply.id, submissionId: feedback.submissionId, duplicate: false };
  });
}
