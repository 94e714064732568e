import "server-only";
import { db } from "@/lib/db";

export const OUTBOX_PAGE_SIZE = 100;

export type OutboxItem = {
  id: string;
  toAddress: string;
  subject: string;
  body: string;
  kind: string;
  createdAt: Date;
  sentAt: Date | null;
  error: string | null;
};

/** The practice's outgoing e-mail, newest first; never another practice's. */
export async function listOutbox(scope: { practiceId: string }, options: { take?: number } = {}): Promise<OutboxItem[]> {
  return db.outboxMessage.findMany({
    where: { practiceId: scope.practiceId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.take ?? OUTBOX_PAGE_SIZE,
    select: { id: true, toAddress: true, subject: true, body: true, kind: true, createdAt: true, sentAt: true, error: true },
  });
}
