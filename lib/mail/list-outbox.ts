import "server-only";
import { db } from "@/lib/db";

export const OUTBOX_PAGE_SIZE = 100;

export type OutboxItem = {
  id: string;
  toAddress: string;
  subject: string;
  /** Null for messages that carry a sign-in link: only their addressee may open it. */
  body: string | null;
  kind: string;
  status: "QUEUED" | "SENT" | "FAILED";
  attempts: number;
  nextAttemptAt: Date;
  createdAt: Date;
  sentAt: Date | null;
  error: string | null;
};

/** Kinds whose body holds a single-use link to an account: a colleague reading the outbox must not be able to use it. */
const LINK_KINDS = new Set(["client-invitation", "staff-invitation"]);

/** The practice's outgoing e-mail, newest first; never another practice's. */
export async function listOutbox(scope: { practiceId: string }, options: { take?: number } = {}): Promise<OutboxItem[]> {
  const rows = await db.outboxMessage.findMany({
    where: { practiceId: scope.practiceId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.take ?? OUTBOX_PAGE_SIZE,
    select: {
      id: true,
      toAddress: true,
      subject: true,
      body: true,
      kind: true,
      status: true,
      attempts: true,
      nextAttemptAt: true,
      createdAt: true,
      sentAt: true,
      error: true,
    },
  });
  return rows.map((row) => ({ ...row, body: LINK_KINDS.has(row.kind) ? null : row.body }));
}
