import "server-only";
import { db } from "@/lib/db";
import type { TherapistScope } from "@/lib/clients/scope";

export type ActiveClient = { id: string; displayName: string; timeZone: string; createdAt: Date };

/**
 * The caller's active clients (invited and archived ones are not on the
 * dashboard), on the (therapistId, status) index. Raw for the same reason as
 * load-homework: Prisma's row mapping costs several times the raw rows.
 */
export function loadActiveClients(scope: TherapistScope): Promise<ActiveClient[]> {
  return db.$queryRaw<ActiveClient[]>`
    SELECT c."id", c."displayName", c."timeZone", c."createdAt"
    FROM "Client" c
    WHERE c."therapistId" = ${scope.therapistId} AND c."practiceId" = ${scope.practiceId} AND c."status" = 'ACTIVE'`;
}
