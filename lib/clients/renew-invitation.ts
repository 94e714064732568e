import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { issueInvitation } from "@/lib/invitations/issue-invitation";
import { clientInvitationMessage } from "@/lib/mail/invitation-messages";
import { invitationLinkForMail } from "@/lib/mail/links";
import { queueMessage, requestDelivery } from "@/lib/mail/send-mail";
import type { TherapistScope } from "./scope";

/** A new link for a client who has not joined yet, e-mailed to them again; earlier links stop working. */
export async function renewInvitation(scope: TherapistScope, clientId: string) {
  const renewed = await db.$transaction(async (tx) => {
    const client = await tx.client.findFirst({
      where: { id: clientId, therapistId: scope.therapistId, practiceId: scope.practiceId, status: "INVITED" },
      select: { id: true, displayName: true, email: true },
    });
    if (!client) throw notFound();
    const invitation = await issueInvitation(tx, {
      clientId: client.id,
      practiceId: scope.practiceId,
      createdById: scope.therapistId,
    });
    const link = await invitationLinkForMail(invitation.token);
    await queueMessage(clientInvitationMessage({ practiceId: scope.practiceId, to: client.email, link, expiresAt: invitation.expiresAt }), tx);
    return { client: { id: client.id, displayName: client.displayName }, invitation };
  });
  requestDelivery();
  return renewed;
}
