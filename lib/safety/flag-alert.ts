import "server-only";
import { recordEvent } from "@/lib/audit/record-event";
import { db, type Tx } from "@/lib/db";
import { queueMessage, requestDelivery } from "@/lib/mail/send-mail";
import { flagAlertMessage } from "./alert-messages";

/**
 * Queues the content-free alert to the client's primary clinician for an
 * open flag, in the caller's transaction, at most once per entry: the claim
 * is a conditional update of alertQueuedAt that also fails when another flag
 * of the same entry was already alerted (a second raise for the same entry,
 * e.g. after an acknowledgement while the draft is still open, sends nothing
 * new). Returns whether a message was queued; the caller calls
 * requestDelivery() once its transaction has committed.
 */
export async function queueFlagAlert(tx: Tx, flagId: string, now = new Date()): Promise<boolean> {
  const claimed = await tx.$executeRaw`
    UPDATE "SafetyFlag" f SET "alertQueuedAt" = ${now}
    WHERE f."id" = ${flagId} AND f."alertQueuedAt" IS NULL AND f."acknowledgedAt" IS NULL
      AND NOT EXISTS (
        SELECT 1 FROM "SafetyFlag" other
        WHERE other."submissionId" = f."submissionId" AND other."id" <> f."id" AND other."alertQueuedAt" IS NOT NULL
      )`;
  if (claimed !== 1) return false;
  const flag = await tx.safetyFlag.findUniqueOrThrow({
    where: { id: flagId },
    select: { id: true, practiceId: true, clientId: true, client: { select: { therapist: { select: { id: true, email: true, deactivatedAt: true } } } } },
  });
  const clinician = flag.client.therapist;
  // A clinician who has left gets nothing; escalation reaches the owner.
  if (clinician.deactivatedAt) return false;
  await queueMessage({ practiceId: flag.practiceId, to: clinician.email, ...flagAlertMessage() }, tx);
  await recordEvent(tx, {
    practiceId: flag.practiceId,
    actorId: null,
    action: "flag.alert_queued",
    subjectType: "SafetyFlag",
    subjectId: flag.id,
    clientId: flag.clientId,
    metadata: { kind: "SAFETY" },
  });
  return true;
}

/**
 * After a draft save that raised a flag in its own statement
 * (lib/homework/save-draft.ts): queues the alert for the entry's open flag,
 * if none was queued yet, and asks for delivery.
 */
export async function alertOpenFlagsOf(submissionId: string, now = new Date()): Promise<boolean> {
  // One cheap read on the autosaves that follow (the alert is long queued by then).
  const open = await db.safetyFlag.findFirst({ where: { submissionId, acknowledgedAt: null, alertQueuedAt: null }, select: { id: true } });
  if (!open) return false;
  const queued = await db.$transaction((tx) => queueFlagAlert(tx, open.id, now));
  if (queued) requestDelivery();
  return queued;
}

/**
 * A safety net run by the background job: any open flag of the last week
 * without an alert (the process stopped between a draft's save and its
 * alert) gets one now.
 */
export async function queueMissedFlagAlerts(now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - 7 * 24 * 3600 * 1000);
  const missed = await db.safetyFlag.findMany({
    where: { acknowledgedAt: null, alertQueuedAt: null, raisedAt: { gte: since, lte: now } },
    select: { id: true },
    take: 200,
  });
  let queued = 0;
  for (const flag of missed) {
    if (await db.$transaction((tx) => queueFlagAlert(tx, flag.id, now))) queued += 1;
  }
  if (queued) requestDelivery();
  return queued;
}
