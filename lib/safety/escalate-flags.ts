import "server-only";
import { recordEvent } from "@/lib/audit/record-event";
import { db } from "@/lib/db";
import { queueMessage, requestDelivery } from "@/lib/mail/send-mail";
import { escalationMessage } from "./alert-messages";

const BATCH = 100;

type Claimed = { id: string; practiceId: string; clientId: string; clinicianId: string; hours: number };

/**
 * Flags still unacknowledged Practice.escalateAfterHours after they were
 * raised: one content-free e-mail each to the practice's owners and to the
 * supervisors of the client's clinician, once per flag.
 *
 * The claim is one conditional UPDATE (escalatedAt still null, still open,
 * old enough) over rows locked with SKIP LOCKED, in the same transaction as
 * the e-mails and the audit events: parallel runs (two server processes, a
 * job run beside `npm run jobs`) escalate each flag exactly once, and a
 * failed run claims nothing.
 */
export async function escalateUnacknowledgedFlags(now = new Date()): Promise<{ escalated: number; messages: number }> {
  const result = await db.$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<Claimed[]>`
      UPDATE "SafetyFlag" f SET "escalatedAt" = ${now}
      FROM "Practice" p, "Client" c
      WHERE f."id" IN (
          SELECT f2."id" FROM "SafetyFlag" f2 JOIN "Practice" p2 ON p2."id" = f2."practiceId"
          WHERE f2."acknowledgedAt" IS NULL AND f2."escalatedAt" IS NULL
            AND f2."raisedAt" <= ${now}::timestamp - make_interval(hours => p2."escalateAfterHours")
          ORDER BY f2."raisedAt"
          LIMIT ${BATCH}
          FOR UPDATE OF f2 SKIP LOCKED
        )
        AND f."acknowledgedAt" IS NULL AND f."escalatedAt" IS NULL
        AND p."id" = f."practiceId" AND c."id" = f."clientId"
      RETURNING f."id", f."practiceId", f."clientId", c."therapistId" AS "clinicianId", p."escalateAfterHours" AS "hours"`;
    let messages = 0;
    for (const flag of claimed) {
      const recipients = await tx.user.findMany({
        where: {
          practiceId: flag.practiceId,
          role: "THERAPIST",
          deactivatedAt: null,
          OR: [{ practiceRole: "OWNER" }, { practiceRole: "SUPERVISOR", supervising: { some: { clinicianId: flag.clinicianId, practiceId: flag.practiceId } } }],
        },
        select: { id: true, email: true },
        orderBy: { email: "asc" },
      });
      const message = escalationMessage(flag.hours);
      for (const recipient of recipients) {
        await queueMessage({ practiceId: flag.practiceId, to: recipient.email, ...message }, tx);
      }
      messages += recipients.length;
      await recordEvent(tx, {
        practiceId: flag.practiceId,
        actorId: null,
        action: "flag.escalated",
        subjectType: "SafetyFlag",
        subjectId: flag.id,
        clientId: flag.clientId,
        metadata: { kind: "SAFETY", recipients: String(recipients.length) },
      });
    }
    return { escalated: claimed.length, messages };
  });
  if (result.messages) requestDelivery();
  return result;
}
