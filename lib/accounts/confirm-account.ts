import "server-only";
import { db } from "@/lib/db";
import { AppError, conflict, invalid } from "@/lib/errors";
import { verifyPassword } from "@/lib/auth/password";
import { hitRateLimit } from "@/lib/auth/rate-limit";
import { recordEvent } from "@/lib/audit/record-event";
import { claimInvitation } from "@/lib/invitations/accept-invitation";
import { isUniqueViolation } from "@/lib/prisma-errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { confirmAddressLimit, TOO_MANY_CONFIRMS } from "./account-limits";
import { insertPracticeAndTherapist } from "./create-therapist-account";
import { hashLinkToken } from "./tokens";

export type AccountRequestState =
  | { status: "valid"; email: string; joining: "practice" | "invitation" }
  | { status: "invalid" | "expired" | "used" };

export class AccountRequestUnusable extends AppError {
  constructor(readonly reason: "invalid" | "expired" | "used") {
    super("invalid", "This link can no longer be used. It may have expired or been used already.");
  }
}

const WRONG_PASSWORD = "That is not the password you chose. Check it and try again.";
// Only the owner of the mailbox gets this far (the link came by e-mail).
export const ALREADY_HAS_ACCOUNT = "This address already has a Trellis account. Sign in, or reset your password if you've forgotten it.";

/** What the confirmation page should show for a token from a link. */
export async function inspectAccountRequest(token: string, now = new Date()): Promise<AccountRequestState> {
  if (!token || token.length > 200) return { status: "invalid" };
  const request = await db.accountRequest.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: { email: true, usedAt: true, expiresAt: true, invitationId: true },
  });
  if (!request) return { status: "invalid" };
  if (request.usedAt) return { status: "used" };
  if (request.expiresAt <= now) return { status: "expired" };
  return { status: "valid", email: request.email, joining: request.invitationId ? "invitation" : "practice" };
}

/**
 * Opens a confirmation link: with the password chosen at sign-up (so the
 * person can be signed in, and a link scanner or a forwarded mail cannot
 * finish someone else's sign-up), creates the practice and therapist or
 * claims the invitation, in one transaction with the single-use claim of
 * the request.
 */
export async function confirmAccount(
  input: { token: string; password: string },
  context: { address: string; now?: Date },
): Promise<{ userId: string; email: string; role: Role }> {
  if (!(await hitRateLimit(confirmAddressLimit, context.address)).allowed) throw invalid(TOO_MANY_CONFIRMS);
  const now = context.now ?? new Date();
  const tokenHash = hashLinkToken(input.token);
  const request = await db.accountRequest.findUnique({ where: { tokenHash } });
  const state = await inspectAccountRequest(input.token, now);
  if (!request || state.status !== "valid") throw new AccountRequestUnusable(state.status === "valid" ? "invalid" : state.status);
  if (!(await verifyPassword(request.passwordHash, input.password))) throw invalid(WRONG_PASSWORD, { password: [WRONG_PASSWORD] });

  try {
    return await db.$transaction(async (tx) => {
      const claimed = await tx.accountRequest.updateMany({
        where: { id: request.id, usedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now, passwordHash: "" },
      });
      if (claimed.count !== 1) throw new AccountRequestUnusable("used");

      const user = request.invitationId
        ? { ...(await claimInvitation(tx, { id: request.invitationId }, request.passwordHash, now)), role: "CLIENT" as const }
        : {
            ...(await insertPracticeAndTherapist(tx, {
              email: request.email,
              name: request.name ?? "",
              practiceName: request.practiceName ?? "",
              timeZone: request.timeZone ?? "UTC",
              passwordHash: request.passwordHash,
            })),
            role: "THERAPIST" as const,
          };
      await recordEvent(tx, {
        practiceId: user.practiceId,
        actorId: user.id,
        action: "account.confirmed",
        subjectType: "AccountRequest",
        subjectId: request.id,
        address: context.address,
      });
      return { userId: user.id, email: user.email, role: user.role };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(ALREADY_HAS_ACCOUNT);
    throw error;
  }
}
