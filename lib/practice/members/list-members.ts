import "server-only";
import { db } from "@/lib/db";
import type { PracticeRole } from "@/lib/auth/session";
import type { OwnerScope } from "./owner";

export type Member = {
  id: string;
  name: string;
  email: string;
  practiceRole: PracticeRole;
  twoFactor: boolean;
  /** The newest request of any of their sessions; null if they never signed in. */
  lastActiveAt: Date | null;
  deactivatedAt: Date | null;
  /** Clients whose primary clinician they are (not archived). */
  activeClientCount: number;
  /** For supervisors: the clinicians they supervise. */
  superviseeIds: string[];
};

export type PendingInvitation = {
  id: string;
  name: string;
  email: string;
  practiceRole: PracticeRole;
  createdAt: Date;
  expiresAt: Date;
  expired: boolean;
};

/**
 * The practice's members of staff and its open invitations, for the owner.
 * The owner check is part of the query: anyone else gets an empty practice.
 */
export async function listMembers(scope: OwnerScope, now = new Date()): Promise<{ members: Member[]; invitations: PendingInvitation[] }> {
  const practice = await db.practice.findFirst({
    where: { id: scope.practiceId, users: { some: { id: scope.ownerId, practiceRole: "OWNER", deactivatedAt: null } } },
    select: {
      users: {
        where: { role: "THERAPIST" },
        orderBy: [{ deactivatedAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
        select: {
          id: true,
          name: true,
          email: true,
          practiceRole: true,
          totpSecret: true,
          deactivatedAt: true,
          supervising: { select: { clinicianId: true } },
          _count: { select: { caseload: { where: { status: { not: "ARCHIVED" } } } } },
          authSessions: { orderBy: { lastSeenAt: "desc" }, take: 1, select: { lastSeenAt: true } },
        },
      },
      staffInvitations: {
        where: { usedAt: null, revokedAt: null },
        orderBy: { createdAt: "desc" },
        select: { id: true, name: true, email: true, practiceRole: true, createdAt: true, expiresAt: true },
      },
    },
  });
  if (!practice) return { members: [], invitations: [] };
  return {
    members: practice.users.map((user) => ({
      id: user.id,
      name: user.name,
      email: user.email,
      practiceRole: user.practiceRole ?? "CLINICIAN",
      twoFactor: user.totpSecret !== null,
      lastActiveAt: user.authSessions[0]?.lastSeenAt ?? null,
      deactivatedAt: user.deactivatedAt,
      activeClientCount: user._count.caseload,
      superviseeIds: user.supervising.map((row) => row.clinicianId),
    })),
    invitations: practice.staffInvitations.map((invitation) => ({ ...invitation, expired: invitation.expiresAt <= now })),
  };
}
