import "server-only";
import { db } from "@/lib/db";
import { invalid, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/audit/record-event";
import type { ClientScope } from "@/lib/homework/client-scope";
import { toExerciseVersion, versionSelect } from "@/lib/templates/definition";
import { findLinkedPartner } from "./linked-partner";
import { isShareable, SAFETY_ENTRY_MESSAGE } from "./shareable";

export const NO_PARTNER_MESSAGE = "Sharing works once your clinician has linked you with your partner.";

/**
 * Shares one of the caller's OWN submitted entries with their linked partner,
 * or withdraws the share. Setting what is already set changes nothing and
 * writes no event, so a double tap or a replayed request is harmless; each
 * real change is audited on the author's record.
 */
export async function setEntrySharing(client: ClientScope, input: { submissionId: string; share: boolean }, now = new Date()) {
  // Checks first, outside the transaction, so it stays two short statements
  // even when many identical requests arrive at once.
  const entry = await db.submission.findFirst({
    where: { id: input.submissionId, clientId: client.clientId, practiceId: client.practiceId, status: "SUBMITTED" },
    select: { id: true, safetyConcern: true, templateVersion: { select: versionSelect }, assignment: { select: { template: { select: { kind: true } } } } },
  });
  if (!entry) throw notFound();
  const { fields } = toExerciseVersion(entry.templateVersion, entry.assignment.template.kind);
  if (input.share && !isShareable(fields, entry.safetyConcern)) throw invalid(SAFETY_ENTRY_MESSAGE);
  const partner = input.share ? await findLinkedPartner(client) : null;
  if (input.share && !partner) throw invalid(NO_PARTNER_MESSAGE);

  return db.$transaction(async (tx) => {
    // To share, the couple's two rows are locked (FOR SHARE) and the link
    // checked again: an unlink under way makes this wait and then refuse, and
    // an unlink that starts later waits for this commit and then clears the
    // share. A check inside the UPDATE alone reads a snapshot and can land a
    // share on a couple that has just been unlinked.
    if (input.share) {
      const linked = await tx.$queryRaw<{ id: string }[]>`
        SELECT a."id" FROM "Client" a JOIN "Client" b ON b."id" = a."partnerId"
        WHERE a."id" = ${client.clientId} AND a."practiceId" = ${client.practiceId} AND b."id" = ${partner!.clientId}
          AND b."partnerId" = a."id" AND a."archivedAt" IS NULL AND b."archivedAt" IS NULL
        FOR SHARE OF a, b`;
      if (linked.length !== 1) throw invalid(NO_PARTNER_MESSAGE);
    }
    // Conditional on the current state: of parallel identical requests only
    // one changes the row and writes the event.
    const changed = await tx.submission.updateMany({
      where: input.share ? { id: entry.id, sharedWithPartnerAt: null } : { id: entry.id, sharedWithPartnerAt: { not: null } },
      data: { sharedWithPartnerAt: input.share ? now : null },
    });
    if (changed.count === 1) {
      await recordEvent(tx, {
        practiceId: client.practiceId,
        actorId: client.userId,
        action: input.share ? "entry.shared_with_partner" : "entry.sharing_withdrawn",
        subjectType: "Submission",
        subjectId: entry.id,
        clientId: client.clientId,
        metadata: partner ? { partnerClientId: partner.clientId } : undefined,
      });
      return { shared: input.share, changed: true };
    }
    // Nothing changed: answer with the state the row really has.
    const row = await tx.submission.findUniqueOrThrow({ where: { id: entry.id }, select: { sharedWithPartnerAt: true } });
    return { shared: row.sharedWithPartnerAt !== null, changed: false };
  });
}
