import "server-only";
import { db } from "@/lib/db";
import type { CaseloadScope } from "./scope";

export type ActiveClient = {
  id: string;
  displayName: string;
  timeZone: string;
  createdAt: Date;
  /** The newest submittedAt, or null if they never submitted (a trigger keeps it: prisma/schema.prisma). */
  lastSubmittedAt: Date | null;
  /** When their account was made (the invitation accepted): where silence starts before a first entry. */
  joinedAt: Date | null;
  /** The client's primary clinician (several on a practice-wide caseload). */
  therapistId: string;
  /** Changes whenever anything their caseload row shows may have changed (lib/caseload/row-cache). */
  caseloadVersion: number;
};

/**
 * The caller's active clients (invited and archived ones are not on the
 * dashboard) with their last activity, on the (therapistId, status) index.
 * Raw for the same reason as load-homework: Prisma's row mapping costs
 * several times the raw rows.
 */
export function loadActiveClients(scope: CaseloadScope): Promise<ActiveClient[]> {
  return db.$queryRaw<ActiveClient[]>`
    SELECT c."id", c."displayName", c."timeZone", c."createdAt", c."lastSubmittedAt", u."createdAt" AS "joinedAt",
      c."caseloadVersion", c."therapistId"
    FROM "Client" c
    LEFT JOIN "User" u ON u."id" = c."userId"
    WHERE c."therapistId" = ANY(${[...scope.therapistIds]}::text[]) AND c."practiceId" = ${scope.practiceId} AND c."status" = 'ACTIVE'`;
}
