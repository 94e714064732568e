import "server-only";
import { db } from "@/lib/db";
import { AppError, invalid } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { hitRateLimit } from "@/lib/auth/rate-limit";
import { recordEvent } from "@/lib/audit/record-event";
import { queueMessage, type QueuedMessage } from "@/lib/mail/send-mail";
import { passwordResetMessage } from "@/lib/mail/account-messages";
import { revokeUserSessions } from "@/lib/sessions/revoke-sessions";
import { resetAddressLimit, resetEmailLimit, TOO_MANY_RESETS } from "./account-limits";
import { EVEN_TIMING_MS, withEvenTiming } from "./even-timing";
import type { RequestContext } from "./request-therapist-account";
import { hashLinkToken, newLinkToken, PASSWORD_RESET_LIFETIME_MS } from "./tokens";

export type PasswordResetState = { status: "valid" } | { status: "invalid" | "expired" | "used" };

export class PasswordResetUnusable extends AppError {
  constructor(readonly reason: "invalid" | "expired" | "used") {
    super("invalid", "This reset link can no longer be used. Links work once, for 30 minutes; please ask for a new one.");
  }
}

/**
 * "Forgot password?". The caller answers the same whether or not the address
 * has an account, and both branches do the same work. A new link replaces
 * any earlier unused one. Returns the message to deliver, if any.
 */
export async function requestPasswordReset(input: { email: string }, context: RequestContext): Promise<QueuedMessage | null> {
  if (!(await hitRateLimit(resetAddressLimit, context.address)).allowed) throw invalid(TOO_MANY_RESETS);
  const now = context.now ?? new Date();
  const { email } = input;

  return withEvenTiming(EVEN_TIMING_MS, async () => {
    const [perEmail, user] = await Promise.all([
      hitRateLimit(resetEmailLimit, email),
      db.user.findUnique({
        where: { email },
        select: { id: true, practiceId: true, clientProfile: { select: { status: true } } },
      }),
    ]);
    const token = newLinkToken();
    const tokenHash = hashLinkToken(token);
    // An archived client cannot sign in, so they get no reset link either.
    const eligible = user && user.clientProfile?.status !== "ARCHIVED";

    return db.$transaction(async (tx) => {
      // Never the e-mail address itself: the trail keeps ids only.
      await recordEvent(tx, {
        practiceId: user?.practiceId ?? null,
        actorId: user?.id ?? null,
        action: "password.reset_requested",
        subjectType: "User",
        subjectId: user?.id ?? "unknown",
        outcome: eligible && perEmail.allowed ? "success" : "failure",
        address: context.address,
      });
      if (!user || !eligible || !perEmail.allowed) return null;
      await tx.passwordResetToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } });
      await tx.passwordResetToken.create({
        data: { userId: user.id, tokenHash, expiresAt: new Date(now.getTime() + PASSWORD_RESET_LIFETIME_MS) },
        select: { id: true },
      });
      return queueMessage(passwordResetMessage({ to: email, base: context.base, token }), tx);
    });
  });
}

/** What the reset page should show for a token from a link. */
export async function inspectPasswordReset(token: string, now = new Date()): Promise<PasswordResetState> {
  if (!token || token.length > 200) return { status: "invalid" };
  const row = await db.passwordResetToken.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: { usedAt: true, expiresAt: true },
  });
  if (!row) return { status: "invalid" };
  if (row.usedAt) return { status: "used" };
  if (row.expiresAt <= now) return { status: "expired" };
  return { status: "valid" };
}

/**
 * Sets a new password from a reset link. The link is claimed by a single
 * conditional update (two tabs submitting at once: one wins), and every
 * session of the account ends. Two-factor sign-in stays as it was: the
 * person signs in afterwards with the new password and, if enabled, a code.
 */
export async function resetPassword(
  input: { token: string; password: string },
  context: { address?: string; now?: Date } = {},
): Promise<{ email: string }> {
  const now = context.now ?? new Date();
  if (!input.token || input.token.length > 200) throw new PasswordResetUnusable("invalid");
  const tokenHash = hashLinkToken(input.token);
  const passwordHash = await hashPassword(input.password);

  return db.$transaction(async (tx) => {
    const claimed = await tx.passwordResetToken.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) {
      const state = await inspectPasswordReset(input.token, now);
      throw new PasswordResetUnusable(state.status === "valid" ? "used" : state.status);
    }
    const { userId } = await tx.passwordResetToken.findUniqueOrThrow({ where: { tokenHash }, select: { userId: true } });
    const user = await tx.user.update({
      where: { id: userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { id: true, email: true, practiceId: true },
    });
    await tx.passwordResetToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
    await revokeUserSessions(tx, userId);
    await recordEvent(tx, {
      practiceId: user.practiceId,
      actorId: user.id,
      action: "password.reset",
      subjectType: "User",
      subjectId: user.id,
      address: context.address ?? null,
    });
    return { email: user.email };
  });
}
