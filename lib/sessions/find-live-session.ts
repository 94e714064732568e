import "server-only";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";

export type LiveSession = {
  sessionId: string;
  expiresAt: Date;
  userId: string;
  role: "THERAPIST" | "CLIENT";
  practiceRole: "OWNER" | "CLINICIAN" | "SUPERVISOR" | null;
  name: string;
  email: string;
  timeZone: string;
  practiceId: string;
  clientId: string | null;
  therapistId: string | null;
  clientStatus: string | null;
};

/**
 * The session `sessionId` of `userId` with its user and client profile, in
 * one statement, or null when it was revoked, has passed its absolute end or
 * has been idle longer than the role allows. With `touch`, the same statement
 * moves lastSeenAt on, at most once a minute (so a busy page costs no write).
 * Times are the database's, in UTC like every stored timestamp, so all app
 * instances agree on when a session ends.
 */
export async function findLiveSession(
  sessionId: string,
  userId: string,
  options: { touch: boolean },
): Promise<LiveSession | null> {
  const env = getEnv();
  const rows = await db.$queryRaw<LiveSession[]>`
    WITH live AS (
      SELECT s."id" AS "sessionId", s."expiresAt", s."lastSeenAt", u."id" AS "userId", u."role"::text AS "role", u."practiceRole"::text AS "practiceRole", u."name", u."email",
             u."timeZone", u."practiceId", c."id" AS "clientId", c."therapistId", c."status"::text AS "clientStatus"
      FROM "AuthSession" s
      JOIN "User" u ON u."id" = s."userId"
      LEFT JOIN "Client" c ON c."userId" = u."id"
      WHERE s."id" = ${sessionId}
        AND s."userId" = ${userId}
        AND s."revokedAt" IS NULL
        AND u."deactivatedAt" IS NULL
        AND s."expiresAt" > timezone('UTC', now())
        AND s."lastSeenAt" > timezone('UTC', now()) - make_interval(mins => CASE WHEN u."role" = 'THERAPIST'
          THEN ${env.SESSION_IDLE_MINUTES_THERAPIST}::int ELSE ${env.SESSION_IDLE_MINUTES_CLIENT}::int END)
    ), touched AS (
      UPDATE "AuthSession" t SET "lastSeenAt" = timezone('UTC', now())
      FROM live
      WHERE ${options.touch}::boolean AND t."id" = live."sessionId"
        AND live."lastSeenAt" < timezone('UTC', now()) - interval '1 minute'
      RETURNING t."id"
    )
    SELECT "sessionId", "expiresAt", "userId", "role", "practiceRole", "name", "email", "timeZone", "practiceId", "clientId", "therapistId", "clientStatus"
    FROM live`;
  return rows[0] ?? null;
}
