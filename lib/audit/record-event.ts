import "server-only";
import type { Tx } from "@/lib/db";

export type AuditAction =
  | "practice.created"
  | "client.added"
  | "client.archived"
  | "invitation.issued"
  | "invitation.accepted"
  | "password.changed"
  | "client.exported";

/** Appends to the audit trail inside the caller's transaction. Never pass answer text here. */
export function recordEvent(
  tx: Tx,
  event: {
    practiceId: string;
    actorId: string | null;
    action: AuditAction;
    subjectType: string;
    subjectId: string;
    metadata?: Record<string, string>;
  },
) {
  return tx.auditEvent.create({ data: event });
}
