import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { invalid } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { hitRateLimit } from "@/lib/auth/rate-limit";
import { recordEvent } from "@/lib/audit/record-event";
import { queueMessage, type QueuedMessage } from "@/lib/mail/send-mail";
import { confirmSignUpMessage, existingAccountNote } from "@/lib/mail/account-messages";
import type { signUpSchema } from "@/lib/validations/auth";
import { signUpAddressLimit, signUpEmailLimit, TOO_MANY_SIGN_UPS } from "./account-limits";
import { EVEN_TIMING_MS, withEvenTiming } from "./even-timing";
import { ACCOUNT_REQUEST_LIFETIME_MS, hashLinkToken, newLinkToken } from "./tokens";

export type RequestContext = {
  /** The caller's address (lib/http/client-address.ts), for the rate limit and the audit trail. */
  address: string;
  /** Origin for the link in the e-mail (lib/accounts/link-base.ts). */
  base: string;
  now?: Date;
};

/**
 * A therapist's sign-up. Nothing is created yet: a new address gets a
 * confirmation link (the practice and account are made when it is opened);
 * an address that already has an account gets a note instead. The caller
 * answers the same either way, and both branches hash the password and write
 * to the outbox, so the time taken does not tell them apart either.
 * Returns the message to deliver (null when the address has had enough mail).
 */
export async function requestTherapistAccount(
  input: z.output<typeof signUpSchema>,
  context: RequestContext,
): Promise<QueuedMessage | null> {
  if (!(await hitRateLimit(signUpAddressLimit, context.address)).allowed) throw invalid(TOO_MANY_SIGN_UPS);
  const now = context.now ?? new Date();
  const { email } = input;

  return withEvenTiming(EVEN_TIMING_MS, async () => {
    const passwordHash = await hashPassword(input.password);
    const [perEmail, existing] = await Promise.all([
      hitRateLimit(signUpEmailLimit, email),
      db.user.findUnique({ where: { email }, select: { id: true } }),
    ]);
    // Past this, the mailbox gets nothing more for a while; the answer is the same.
    if (!perEmail.allowed) return null;

    const token = newLinkToken();
    return db.$transaction(async (tx) => {
      if (existing) {
        await recordEvent(tx, {
          practiceId: null,
          actorId: null,
          action: "sign_up.requested",
          subjectType: "User",
          subjectId: existing.id,
          address: context.address,
        });
        return queueMessage(existingAccountNote({ to: email, base: context.base }), tx);
      }
      // Only the newest link for an address works; unconfirmed requests are forgotten after a day.
      await tx.accountRequest.updateMany({
        where: { email, invitationId: null, usedAt: null },
        data: { usedAt: now, passwordHash: "" },
      });
      await tx.accountRequest.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - ACCOUNT_REQUEST_LIFETIME_MS) } } });
      const request = await tx.accountRequest.create({
        data: {
          email,
          passwordHash,
          name: input.name,
          practiceName: input.practiceName,
          timeZone: input.timeZone,
          tokenHash: hashLinkToken(token),
          expiresAt: new Date(now.getTime() + ACCOUNT_REQUEST_LIFETIME_MS),
        },
        select: { id: true },
      });
      await recordEvent(tx, {
        practiceId: null,
        actorId: null,
        action: "sign_up.requested",
        subjectType: "AccountRequest",
        subjectId: request.id,
        address: context.address,
      });
      return queueMessage(confirmSignUpMessage({ to: email, base: context.base, token }), tx);
    });
  });
}
