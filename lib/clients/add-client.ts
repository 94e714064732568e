import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { conflict } from "@/lib/errors";
import { recordEvent } from "@/lib/audit/record-event";
import { issueInvitation } from "@/lib/invitations/issue-invitation";
import { clientInvitationMessage } from "@/lib/mail/invitation-messages";
import { invitationLinkForMail } from "@/lib/mail/links";
import { queueMessage, requestDelivery } from "@/lib/mail/send-mail";
import { isUniqueViolation } from "@/lib/prisma-errors";
import type { TherapistScope } from "./scope";
import type { addClientSchema } from "@/lib/validations/clients";

const DUPLICATE = "You already have a client with this email address.";

/**
 * Adds a client to the caller's caseload and returns their first invitation
 * token; the invitation e-mail is queued in the same transaction and sent
 * after the response.
 */
export async function addClient(scope: TherapistScope, input: z.output<typeof addClientSchema>) {
  try {
    const added = await db.$transaction(async (tx) => {
      const client = await tx.client.create({
        data: {
          practiceId: scope.practiceId,
          therapistId: scope.therapistId,
          displayName: input.displayName,
          email: input.email,
          timeZone: input.timeZone,
        },
        select: { id: true, displayName: true },
      });
      await recordEvent(tx, {
        practiceId: scope.practiceId,
        actorId: scope.therapistId,
        action: "client.added",
        subjectType: "Client",
        subjectId: client.id,
      });
      const invitation = await issueInvitation(tx, {
        clientId: client.id,
        practiceId: scope.practiceId,
        createdById: scope.therapistId,
      });
      const link = await invitationLinkForMail(invitation.token);
      await queueMessage(clientInvitationMessage({ practiceId: scope.practiceId, to: input.email, link, expiresAt: invitation.expiresAt }), tx);
      return { client, invitation };
    });
    requestDelivery();
    return added;
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(DUPLICATE, { email: [DUPLICATE] });
    throw error;
  }
}
