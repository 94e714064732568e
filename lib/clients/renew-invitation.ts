import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { issueInvitation } from "@/lib/invitations/issue-invitation";
import type { TherapistScope } from "./scope";

/** A new link for a client who has not joined yet; earlier links stop working. */
export async function renewInvitation(scope: TherapistScope, clientId: string) {
  return db.$transaction(async (tx) => {
    const client = await tx.client.findFirst({
      where: { id: clientId, therapistId: scope.therapistId, practiceId: scope.practiceId, status: "INVITED" },
      select: { id: true, displayName: true },
    });
    if (!client) throw notFound();
    const invitation = await issueInvitation(tx, {
      clientId: client.id,
      practiceId: scope.practiceId,
      createdById: scope.therapistId,
    });
    return { client, invitation };
  });
}
