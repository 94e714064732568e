import "server-only";
import { recordEvent } from "@/lib/audit/record-event";
import { db } from "@/lib/db";
import { conflict, invalid, notFound } from "@/lib/errors";
import { queueMessage } from "@/lib/mail/send-mail";
import { isUniqueViolation } from "@/lib/prisma-errors";
import { clinicianChangedMessage } from "./members/messages";
import { lockOwner, type OwnerScope } from "./members/owner";

export const HANDED_OVER_MEANWHILE = "Someone changed this client's clinician a moment ago. Reload the page to see who it is now.";
export const SAME_ADDRESS =
  "The new clinician already has a client with this e-mail address, so the two records can't both be on their caseload.";
export const CHOOSE_CLINICIAN = "Choose another active clinician of the practice.";

/** fromClinicianId: who the owner saw as the clinician; a handover made meanwhile makes this one refuse. */
export type HandoverInput = { clientId: string; toClinicianId: string; fromClinicianId?: string };
export type HandoverResult = { clientIds: string[]; fromId: string; toId: string; toName: string };

/**
 * The owner hands a client over to another clinician of the practice, in one
 * transaction: the client's primary clinician, all their homework (so
 * entries and feedback stay readable) and their future sessions move; flags
 * and the rest of the history follow because they belong to the client. A couple
 * moves together (partners are always with one clinician). Conditional on
 * the clinician the caller saw, so two handovers at once end consistent: one
 * wins, the other is told it changed meanwhile. The client (when they have an
 * account) is told who their clinician now is, without anything clinical.
 */
export async function handOverClient(
  scope: OwnerScope,
  input: HandoverInput,
  delivery: { base: string; address?: string | null },
  now = new Date(),
): Promise<HandoverResult> {
  try {
    return await db.$transaction(async (tx) => {
      await lockOwner(tx, scope);
      const client = await tx.client.findFirst({
        where: { id: input.clientId, practiceId: scope.practiceId, status: { not: "ARCHIVED" } },
        select: { id: true, therapistId: true, partnerId: true },
      });
      if (!client) throw notFound();
      if (input.fromClinicianId && input.fromClinicianId !== client.therapistId) throw conflict(HANDED_OVER_MEANWHILE);
      if (client.therapistId === input.toClinicianId) throw invalid(CHOOSE_CLINICIAN, { toClinicianId: [CHOOSE_CLINICIAN] });
      // The new clinician, locked so a deactivation waits for this handover (and then refuses).
      const target = await tx.$queryRaw<{ id: string; name: string }[]>`
        SELECT "id", "name" FROM "User"
        WHERE "id" = ${input.toClinicianId} AND "practiceId" = ${scope.practiceId} AND "role" = 'THERAPIST'
          AND "practiceRole" IN ('OWNER', 'CLINICIAN') AND "deactivatedAt" IS NULL
        FOR SHARE`;
      if (target.length !== 1) throw invalid(CHOOSE_CLINICIAN, { toClinicianId: [CHOOSE_CLINICIAN] });
      const to = target[0]!;
      const fromId = client.therapistId;

      const clientIds = [client.id];
      if (client.partnerId) {
        const partner = await tx.client.findFirst({
          where: { id: client.partnerId, practiceId: scope.practiceId, therapistId: fromId },
          select: { id: true },
        });
        if (partner) clientIds.push(partner.id);
      }
      const moved = await tx.client.updateMany({
        where: { id: { in: clientIds }, practiceId: scope.practiceId, therapistId: fromId },
        data: { therapistId: to.id },
      });
      if (moved.count !== clientIds.length) throw conflict(HANDED_OVER_MEANWHILE);
      // Every assignment, ended ones too: the new clinician's pages read the
      // client's history through assignments scoped to them (the review
      // inbox, the homework list), so history follows only if they all move.
      await tx.assignment.updateMany({
        where: { clientId: { in: clientIds }, practiceId: scope.practiceId },
        data: { therapistId: to.id },
      });
      await tx.therapySession.updateMany({
        where: { clientId: { in: clientIds }, practiceId: scope.practiceId, startsAt: { gte: now } },
        data: { clinicianId: to.id },
      });

      const practice = await tx.practice.findUniqueOrThrow({ where: { id: scope.practiceId }, select: { name: true } });
      const people = await tx.client.findMany({
        where: { id: { in: clientIds }, userId: { not: null }, status: "ACTIVE" },
        select: { id: true, user: { select: { email: true } } },
      });
      for (const clientId of clientIds) {
        await recordEvent(tx, {
          practiceId: scope.practiceId,
          actorId: scope.ownerId,
          action: "client.handed_over",
          subjectType: "Client",
          subjectId: clientId,
          clientId,
          address: delivery.address,
          metadata: { from: fromId, to: to.id },
        });
      }
      for (const person of people) {
        if (!person.user) continue;
        await queueMessage(
          clinicianChangedMessage({ practiceId: scope.practiceId, to: person.user.email, practiceName: practice.name, clinicianName: to.name, base: delivery.base }),
          tx,
        );
      }
      return { clientIds, fromId, toId: to.id, toName: to.name };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(SAME_ADDRESS, { toClinicianId: [SAME_ADDRESS] });
    throw error;
  }
}

export type HandoverOption = { id: string; name: string };

/** The clinicians a client can be handed over to (active owners and clinicians), for the owner's form. */
export async function listHandoverClinicians(scope: OwnerScope): Promise<HandoverOption[]> {
  return db.user.findMany({
    where: {
      practiceId: scope.practiceId,
      role: "THERAPIST",
      practiceRole: { in: ["OWNER", "CLINICIAN"] },
      deactivatedAt: null,
      practice: { users: { some: { id: scope.ownerId, practiceRole: "OWNER", deactivatedAt: null } } },
    },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
