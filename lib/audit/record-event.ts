import "server-only";
import { db, type Tx } from "@/lib/db";

// Every kind of event the trail holds. Views of clinical data name the client
// whose record was seen (clientId), so a client's access history is one query.
export type AuditAction =
  | "practice.created"
  | "client.added"
  | "client.archived"
  | "invitation.issued"
  | "invitation.accepted"
  | "password.changed"
  | "password.reset_requested"
  | "password.reset"
  | "client.exported"
  | "client.viewed"
  | "client.progress_viewed"
  | "client.report_viewed"
  | "client.access_history_viewed"
  | "entry.viewed"
  | "entry.shared_with_partner"
  | "entry.sharing_withdrawn"
  | "entry.partner_viewed"
  | "session_prep.viewed"
  | "sign_in.succeeded"
  | "sign_in.failed"
  | "sign_out"
  | "session.revoked"
  | "two_factor.enabled"
  | "two_factor.disabled"
  | "two_factor.recovery_codes_regenerated"
  | "two_factor.recovery_code_used"
  | "two_factor.failed"
  | "practice.two_factor_required"
  | "practice.two_factor_optional"
  | "practice.settings_changed"
  | "staff.invited"
  | "staff.invitation_resent"
  | "staff.invitation_revoked"
  | "staff.joined"
  | "supervision.changed"
  | "member.deactivated"
  | "client.handed_over"
  | "access.denied"
  | "flag.acknowledged"
  | "flag.alert_queued"
  | "flag.escalated"
  | "client.country_changed"
  | "practice.crisis_lines_changed"
  | "feedback_reply.written"
  | "supervision_note.written"
  | "template.created"
  | "template.edited"
  | "template.archived"
  | "template.shared"
  | "template.unshared"
  | "homework.assigned"
  | "partner.linked"
  | "partner.unlinked"
  | "session.added"
  | "session.cancelled"
  | "session_note.saved"
  | "sign_up.requested"
  | "account.confirmed";

export type AuditOutcome = "success" | "failure" | "denied";

export type AuditEventInput = {
  practiceId: string | null;
  actorId: string | null;
  action: AuditAction;
  subjectType: string;
  subjectId: string;
  /** The client whose record this event touches, when there is one. */
  clientId?: string | null;
  outcome?: AuditOutcome;
  /** The caller's address (lib/http/client-address.ts), when known. */
  address?: string | null;
  /** Ids and short codes only: never answer text, names or e-mail addresses. */
  metadata?: Record<string, string>;
};

/**
 * Appends to the audit trail, inside the caller's transaction when one is
 * given. The table is append-only in PostgreSQL (migration trust); values are
 * stored as data through bound parameters and escaped wherever they are shown.
 */
export function recordEvent(tx: Pick<Tx, "auditEvent"> | undefined, event: AuditEventInput) {
  return (tx ?? db).auditEvent.create({
    data: {
      practiceId: event.practiceId,
      actorId: event.actorId,
      action: event.action,
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      clientId: event.clientId ?? null,
      outcome: event.outcome ?? "success",
      address: event.address ?? null,
      metadata: event.metadata,
    },
    select: { id: true },
  });
}
