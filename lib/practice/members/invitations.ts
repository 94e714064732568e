import "server-only";
import { recordEvent } from "@/lib/audit/record-event";
import { hashPassword } from "@/lib/auth/password";
import { db, type Tx } from "@/lib/db";
import { AppError, conflict, notFound } from "@/lib/errors";
import { hashInvitationToken, INVITATION_LIFETIME_MS, newInvitationToken } from "@/lib/invitations/tokens";
import { queueMessage } from "@/lib/mail/send-mail";
import { isUniqueViolation } from "@/lib/prisma-errors";
import { staffInvitationExistingAccountMessage, staffInvitationMessage } from "./messages";
import { lockOwner, type OwnerScope } from "./owner";
import type { InviteMemberInput, JoinPracticeInput } from "./schemas";

// A colleague joins through a single-use link e-mailed to them: 256 random
// bits of which only the SHA-256 is stored, valid for 7 days, claimed by one
// conditional UPDATE. Opening the e-mail proves the address, so joining
// creates the account at once (no second confirmation).

export type Delivery = { base: string; address?: string | null };

type Invited = { id: string; email: string; name: string; practiceRole: "CLINICIAN" | "SUPERVISOR" | "OWNER" };

/**
 * Writes a fresh invitation row and queues its e-mail, in the caller's
 * transaction. An address that already has an account gets a row too (so the
 * owner's list looks the same either way) but its e-mail explains instead of
 * carrying a link, and the token it was made with is thrown away.
 */
async function issue(tx: Tx, scope: OwnerScope, invite: Omit<Invited, "id">, delivery: Delivery, now: Date) {
  const token = newInvitationToken();
  const row = await tx.staffInvitation.create({
    data: {
      practiceId: scope.practiceId,
      email: invite.email,
      name: invite.name,
      practiceRole: invite.practiceRole,
      createdById: scope.ownerId,
      tokenHash: hashInvitationToken(token),
      expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS),
    },
    select: { id: true },
  });
  // One after another: a transaction is one connection.
  const practice = await tx.practice.findUniqueOrThrow({ where: { id: scope.practiceId }, select: { name: true } });
  const owner = await tx.user.findUniqueOrThrow({ where: { id: scope.ownerId }, select: { name: true } });
  const existing = await tx.user.findUnique({ where: { email: invite.email }, select: { id: true } });
  const message = { practiceId: scope.practiceId, to: invite.email, practiceName: practice.name, inviterName: owner.name, role: invite.practiceRole, base: delivery.base };
  await queueMessage(existing ? staffInvitationExistingAccountMessage(message) : staffInvitationMessage({ ...message, token }), tx);
  return { id: row.id, token: existing ? null : token };
}

/**
 * Serialises invitations of one address in one practice until the caller's
 * transaction ends: without it, two invitations at once (a double submit, a
 * re-send racing a new invitation) each revoke what they can see and both
 * links stay open.
 */
async function lockAddress(tx: Tx, practiceId: string, email: string) {
  await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${`staff-invitation:${practiceId}:${email}`}))`;
}

/** Revokes every open invitation of this address in the practice (a newer one replaces them). */
async function revokeOpen(tx: Tx, scope: OwnerScope, email: string, now: Date) {
  await tx.staffInvitation.updateMany({
    where: { practiceId: scope.practiceId, email, usedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
}

/**
 * The owner invites a clinician or supervisor by e-mail. The answer is the
 * same whether or not the address has an account. Returns the token only for
 * tests and seeds (the action never shows it: the link travels by e-mail).
 */
export async function inviteMember(scope: OwnerScope, input: InviteMemberInput, delivery: Delivery, now = new Date()) {
  return db.$transaction(async (tx) => {
    await lockOwner(tx, scope);
    await lockAddress(tx, scope.practiceId, input.email);
    await revokeOpen(tx, scope, input.email, now);
    const issued = await issue(tx, scope, input, delivery, now);
    await recordEvent(tx, {
      practiceId: scope.practiceId,
      actorId: scope.ownerId,
      action: "staff.invited",
      subjectType: "StaffInvitation",
      subjectId: issued.id,
      address: delivery.address,
      metadata: { role: input.practiceRole },
    });
    return issued;
  });
}

/** A new link for an open (or expired) invitation; the old link stops working. */
export async function resendInvitation(scope: OwnerScope, invitationId: string, delivery: Delivery, now = new Date()) {
  return db.$transaction(async (tx) => {
    await lockOwner(tx, scope);
    const old = await tx.staffInvitation.findFirst({
      where: { id: invitationId, practiceId: scope.practiceId, usedAt: null, revokedAt: null },
      select: { id: true, email: true, name: true, practiceRole: true },
    });
    if (!old) throw notFound();
    await lockAddress(tx, scope.practiceId, old.email);
    // Conditional on still being open: two resends at once make one new link.
    const revoked = await tx.staffInvitation.updateMany({
      where: { id: old.id, usedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    if (revoked.count !== 1) throw notFound();
    await revokeOpen(tx, scope, old.email, now);
    const issued = await issue(tx, scope, old, delivery, now);
    await recordEvent(tx, {
      practiceId: scope.practiceId,
      actorId: scope.ownerId,
      action: "staff.invitation_resent",
      subjectType: "StaffInvitation",
      subjectId: issued.id,
      address: delivery.address,
      metadata: { replaces: old.id },
    });
    return issued;
  });
}

export async function revokeInvitation(scope: OwnerScope, invitationId: string, address: string | null = null, now = new Date()) {
  await db.$transaction(async (tx) => {
    await lockOwner(tx, scope);
    const revoked = await tx.staffInvitation.updateMany({
      where: { id: invitationId, practiceId: scope.practiceId, usedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    if (revoked.count !== 1) throw notFound();
    await recordEvent(tx, {
      practiceId: scope.practiceId,
      actorId: scope.ownerId,
      action: "staff.invitation_revoked",
      subjectType: "StaffInvitation",
      subjectId: invitationId,
      address,
    });
  });
}

export type StaffInvitationState =
  | { status: "valid"; name: string; email: string; practiceName: string; inviterName: string; practiceRole: Invited["practiceRole"] }
  | { status: "invalid" | "expired" | "used" | "revoked" };

/** What the join page shows for a token from a link. */
export async function inspectStaffInvitation(token: string, now = new Date()): Promise<StaffInvitationState> {
  if (!token || token.length > 200) return { status: "invalid" };
  const row = await db.staffInvitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: {
      usedAt: true,
      revokedAt: true,
      expiresAt: true,
      name: true,
      email: true,
      practiceRole: true,
      practice: { select: { name: true } },
      createdBy: { select: { name: true } },
    },
  });
  const reason = unusableReason(row, now);
  if (!row || reason) return { status: reason ?? "invalid" };
  return {
    status: "valid",
    name: row.name,
    email: row.email,
    practiceName: row.practice.name,
    inviterName: row.createdBy.name,
    practiceRole: row.practiceRole,
  };
}

function unusableReason(row: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date } | null, now: Date) {
  if (!row) return "invalid" as const;
  if (row.usedAt) return "used" as const;
  if (row.revokedAt) return "revoked" as const;
  if (row.expiresAt <= now) return "expired" as const;
  return null;
}

export class StaffInvitationUnusable extends AppError {
  constructor(readonly reason: "invalid" | "expired" | "used" | "revoked") {
    super("invalid", "This invitation link can no longer be used.");
  }
}

export const ADDRESS_TAKEN =
  "This e-mail address already has a Trellis account, so the invitation cannot create another. Please ask the practice to invite a different address.";

/**
 * Joins the practice from an invitation: claims it with one conditional
 * UPDATE (ten simultaneous accepts make one account) and creates the member
 * of staff with the invited role, in the inviting practice.
 */
export async function acceptStaffInvitation(input: Omit<JoinPracticeInput, "confirmPassword">, now = new Date()) {
  const passwordHash = await hashPassword(input.password);
  const tokenHash = hashInvitationToken(input.token);
  try {
    return await db.$transaction(async (tx) => {
      const claimed = await tx.staffInvitation.updateMany({
        where: { tokenHash, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      const row = await tx.staffInvitation.findUnique({
        where: { tokenHash },
        select: { id: true, email: true, practiceId: true, practiceRole: true, usedAt: true, revokedAt: true, expiresAt: true },
      });
      if (claimed.count !== 1 || !row) throw new StaffInvitationUnusable(unusableReason(row, now) ?? "used");
      const user = await tx.user.create({
        data: {
          email: row.email,
          name: input.name,
          timeZone: input.timeZone,
          role: "THERAPIST",
          practiceRole: row.practiceRole,
          passwordHash,
          practiceId: row.practiceId,
        },
        select: { id: true, email: true, practiceId: true, practiceRole: true },
      });
      await recordEvent(tx, {
        practiceId: row.practiceId,
        actorId: user.id,
        action: "staff.joined",
        subjectType: "StaffInvitation",
        subjectId: row.id,
        metadata: { role: row.practiceRole },
      });
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(ADDRESS_TAKEN);
    throw error;
  }
}
