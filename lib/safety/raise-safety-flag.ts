import "server-only";
import type { Tx } from "@/lib/db";
import { queueFlagAlert } from "./flag-alert";

/**
 * Opens a flag for the therapist unless this entry already has an open one,
 * and queues the content-free alert to the client's clinician in the same
 * transaction. Returns whether an alert was queued: the caller then calls
 * requestDelivery() after its transaction commits.
 */
export async function raiseSafetyFlag(
  tx: Tx,
  args: { practiceId: string; clientId: string; submissionId: string; fieldKeys: string[] },
  now = new Date(),
): Promise<boolean> {
  const open = await tx.safetyFlag.findFirst({
    where: { submissionId: args.submissionId, acknowledgedAt: null },
    select: { id: true, alertQueuedAt: true },
  });
  if (open) return open.alertQueuedAt ? false : queueFlagAlert(tx, open.id, now);
  const flag = await tx.safetyFlag.create({ data: args, select: { id: true } });
  return queueFlagAlert(tx, flag.id, now);
}
