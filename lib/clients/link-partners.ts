import "server-only";
import { z } from "zod";
import { recordEvent } from "@/lib/audit/record-event";
import { actionEventContext } from "@/lib/audit/request-context";
import { db } from "@/lib/db";
import { conflict, invalid, notFound } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/prisma-errors";
import { idField, idFieldWith } from "@/lib/validations/text";
import type { TherapistScope } from "./scope";

// Ids shaped like ours only: a NUL byte or other junk never reaches PostgreSQL.
export const linkPartnersSchema = z.object({
  clientId: idField,
  partnerClientId: idFieldWith("Choose the client's partner."),
});

export const unlinkPartnerSchema = z.object({ clientId: idField });

export type PartnerOption = { id: string; displayName: string };

/**
 * Links two of the caller's clients as partners in couples therapy, both
 * ways, in one transaction. The link only lets the therapist see them side
 * by side; each partner still sees only their own data.
 */
export async function linkPartners(scope: TherapistScope, clientId: string, partnerClientId: string): Promise<void> {
  if (clientId === partnerClientId) {
    const message = "A client can't be their own partner.";
    throw invalid(message, { partnerClientId: [message] });
  }
  const { address } = await actionEventContext();
  try {
    await db.$transaction(async (tx) => {
      const pair = await tx.client.findMany({
        where: { id: { in: [clientId, partnerClientId] }, therapistId: scope.therapistId, practiceId: scope.practiceId },
        select: { id: true, displayName: true, status: true, partnerId: true },
      });
      const client = pair.find((row) => row.id === clientId);
      const partner = pair.find((row) => row.id === partnerClientId);
      if (!client || !partner) throw notFound();
      for (const person of [client, partner]) {
        if (person.status === "ARCHIVED") {
          throw invalid(`${person.displayName} is archived and can't be linked.`, { partnerClientId: ["Archived clients can't be linked."] });
        }
        const other = person === client ? partner : client;
        if (person.partnerId !== null && person.partnerId !== other.id) {
          const message = `${person.displayName} is already linked with another partner. Unlink them first.`;
          throw invalid(message, { partnerClientId: [message] });
        }
      }
      if (client.partnerId === partner.id && partner.partnerId === client.id) return;
      // Conditional updates: a concurrent link of either client to someone
      // else makes one of these match nothing, and the whole link rolls back.
      for (const [from, to] of [
        [client.id, partner.id],
        [partner.id, client.id],
      ] as const) {
        const updated = await tx.client.updateMany({
          where: { id: from, therapistId: scope.therapistId, practiceId: scope.practiceId, OR: [{ partnerId: null }, { partnerId: to }] },
          data: { partnerId: to },
        });
        if (updated.count !== 1) throw conflict("One of them was just linked with someone else. Reload and try again.");
      }
      await recordEvent(tx, {
        practiceId: scope.practiceId,
        actorId: scope.therapistId,
        action: "partner.linked",
        subjectType: "Client",
        subjectId: partner.id,
        clientId: client.id,
        address,
      });
    });
  } catch (error) {
    // partnerId is unique: two clients can never point at the same partner.
    if (isUniqueViolation(error)) throw conflict("One of them was just linked with someone else. Reload and try again.");
    throw error;
  }
}

/**
 * Removes a client's partner link on both sides and ends every share between
 * them. Linking again later is fine; nothing is shared again by itself.
 */
export async function unlinkPartner(scope: TherapistScope, clientId: string): Promise<void> {
  const { address } = await actionEventContext();
  await db.$transaction(async (tx) => {
    const client = await tx.client.findFirst({
      where: { id: clientId, therapistId: scope.therapistId, practiceId: scope.practiceId },
      select: { id: true, partnerId: true },
    });
    if (!client) throw notFound();
    // Both directions, and only ever rows of the caller's own caseload.
    await tx.client.updateMany({
      where: {
        therapistId: scope.therapistId,
        practiceId: scope.practiceId,
        OR: [{ id: client.id }, { partnerId: client.id }, ...(client.partnerId ? [{ id: client.partnerId }] : [])],
      },
      data: { partnerId: null },
    });
    // What either shared was shared with this partner only: it must not
    // reappear for someone linked later (lib/couples/).
    const couple = [client.id, ...(client.partnerId ? [client.partnerId] : [])];
    await tx.submission.updateMany({
      where: { clientId: { in: couple }, practiceId: scope.practiceId, sharedWithPartnerAt: { not: null } },
      data: { sharedWithPartnerAt: null },
    });
    if (client.partnerId) {
      await recordEvent(tx, {
        practiceId: scope.practiceId,
        actorId: scope.therapistId,
        action: "partner.unlinked",
        subjectType: "Client",
        subjectId: client.partnerId,
        clientId: client.id,
        address,
      });
    }
  });
}

/**
 * The client's current partner (even if archived since) and the caller's
 * other clients who could become one: not archived, not linked. One query.
 */
export async function getPartnerOptions(
  scope: TherapistScope,
  clientId: string,
): Promise<{ partner: PartnerOption | null; candidates: PartnerOption[] }> {
  const caseload = await db.client.findMany({
    where: { therapistId: scope.therapistId, practiceId: scope.practiceId },
    orderBy: { displayName: "asc" },
    select: { id: true, displayName: true, partnerId: true, status: true },
  });
  const self = caseload.find((row) => row.id === clientId);
  if (!self) throw notFound();
  const partner = self.partnerId ? caseload.find((row) => row.id === self.partnerId) : undefined;
  const linked = new Set(caseload.flatMap((row) => (row.partnerId ? [row.id, row.partnerId] : [])));
  return {
    partner: partner ? { id: partner.id, displayName: partner.displayName } : null,
    candidates: caseload
      .filter((row) => row.id !== clientId && row.status !== "ARCHIVED" && !linked.has(row.id))
      .map((row) => ({ id: row.id, displayName: row.displayName })),
  };
}
