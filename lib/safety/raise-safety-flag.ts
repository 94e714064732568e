import "server-only";
import type { Tx } from "@/lib/db";

/** Opens a flag for the therapist unless this entry already has an open one. */
export async function raiseSafetyFlag(
  tx: Tx,
  args: { practiceId: string; clientId: string; submissionId: string; fieldKeys: string[] },
) {
  const open = await tx.safetyFlag.findFirst({
    where: { submissionId: args.submissionId, acknowledgedAt: null },
    select: { id: true },
  });
  if (open) return;
  await tx.safetyFlag.create({ data: args });
}
