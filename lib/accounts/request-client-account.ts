import "server-only";
import { db } from "@/lib/db";
import { invalid } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { hitRateLimit } from "@/lib/auth/rate-limit";
import { recordEvent } from "@/lib/audit/record-event";
import { InvitationUnusable } from "@/lib/invitations/accept-invitation";
import { inspectInvitation } from "@/lib/invitations/inspect-invitation";
import { hashInvitationToken } from "@/lib/invitations/tokens";
import { queueMessage, type QueuedMessage } from "@/lib/mail/send-mail";
import { confirmInvitationMessage, existingAccountNote } from "@/lib/mail/account-messages";
import { invitationAddressLimit, invitationEmailLimit, TOO_MANY_SIGN_UPS } from "./account-limits";
import { EVEN_TIMING_MS, withEvenTiming } from "./even-timing";
import type { RequestContext } from "./request-therapist-account";
import { ACCOUNT_REQUEST_LIFETIME_MS, hashLinkToken, newLinkToken } from "./tokens";

/**
 * A client chose a password on their invitation page. The invitation stays
 * open until the address is confirmed: a new address gets a confirmation
 * link, one that already has an account (say, with another practice) gets a
 * note, and the caller answers the same either way, so the page never tells
 * whoever holds the link whether that address is in therapy elsewhere.
 * Returns the message to deliver (null when the address has had enough mail).
 */
export async function requestClientAccount(
  input: { token: string; password: string },
  context: RequestContext,
): Promise<QueuedMessage | null> {
  if (!(await hitRateLimit(invitationAddressLimit, context.address)).allowed) throw invalid(TOO_MANY_SIGN_UPS);
  const now = context.now ?? new Date();
  // What the link itself says about the invitation is not a secret from its holder.
  const state = await inspectInvitation(input.token, now);
  if (state.status !== "valid") throw new InvitationUnusable(state.status);
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(input.token) },
    select: { id: true, client: { select: { id: true, email: true, practiceId: true } } },
  });
  if (!invitation) throw new InvitationUnusable("invalid");
  const { email } = invitation.client;

  return withEvenTiming(EVEN_TIMING_MS, async () => {
    const passwordHash = await hashPassword(input.password);
    const [perEmail, existing] = await Promise.all([
      hitRateLimit(invitationEmailLimit, email),
      db.user.findUnique({ where: { email }, select: { id: true } }),
    ]);
    if (!perEmail.allowed) return null;

    const token = newLinkToken();
    return db.$transaction(async (tx) => {
      // The same event either way: the practice's trail must not tell them apart.
      await recordEvent(tx, {
        practiceId: invitation.client.practiceId,
        actorId: null,
        action: "sign_up.requested",
        subjectType: "Invitation",
        subjectId: invitation.id,
        clientId: invitation.client.id,
        address: context.address,
      });
      if (existing) return queueMessage(existingAccountNote({ to: email, base: context.base }), tx);

      await tx.accountRequest.updateMany({
        where: { invitationId: invitation.id, usedAt: null },
        data: { usedAt: now, passwordHash: "" },
      });
      await tx.accountRequest.create({
        data: {
          email,
          passwordHash,
          invitationId: invitation.id,
          tokenHash: hashLinkToken(token),
          expiresAt: new Date(now.getTime() + ACCOUNT_REQUEST_LIFETIME_MS),
        },
        select: { id: true },
      });
      return queueMessage(confirmInvitationMessage({ to: email, base: context.base, token }), tx);
    });
  });
}
