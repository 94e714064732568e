import "server-only";
import { db } from "@/lib/db";
import type { TherapistScope } from "@/lib/clients/scope";

export type ActiveClient = {
  id: string;
  displayName: string;
  timeZone: string;
  createdAt: Date;
  /** The newest submittedAt, or null if they never submitted (a trigger keeps it: prisma/schema.prisma). */
  lastSubmittedAt: Date | null;
  /** When their account was made (the invitation accepted): where silence starts before a first entry. */
  joinedAt: Date | null;
  /** Changes whenever anything their caseload row shows may have changed (lib/caseload/row-cache). */
  caseloadVersion: number;
};

/**
 * The caller's active clients (invited and archived ones are not on the
 * dashboard) with their last activity, on the (therapistId, status) index.
 * Raw for the same reason as load-homework: Prisma's row mapping costs
 * several times the raw rows.
 */
export function loadActiveClients(scope: TherapistScope): Promise<ActiveClient[]> {
  return db.$queryRaw<ActiveClient[]>`
    SELECT c."id", c."displayName", c."timeZone", c."createdAt", c."lastSubmittedAt", u."createdAt" AS "joinedAt",
      c."caseloadVersion"
    FROM "Client" c
    LEFT JOIN "User" u ON u."id" = c."userId"
    WHERE c."therapistId" = ${scope.therapistId} AND c."practiceId" = ${scope.practiceId} AND c."status" = 'ACTIVE'`;
}
