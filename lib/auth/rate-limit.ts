import "server-only";
import { db } from "@/lib/db";

// Fixed-window counters in PostgreSQL, so limits hold across app instances.
// One statement increments and returns the count: thirty parallel attempts
// get thirty different counts, so at most `limit` of them are let through
// (a read followed by a separate increment would let them all pass the read).

export type RateLimit = {
  /** Keys are namespaced by this prefix, e.g. "signin-pair". */
  prefix: string;
  limit: number;
  windowSeconds: number;
};

export type RateLimitHit = { count: number; allowed: boolean; resetAt: Date };

/** Counts one attempt against `key` and says whether it is within the limit. */
export async function hitRateLimit(rule: RateLimit, key: string): Promise<RateLimitHit> {
  const id = `${rule.prefix}:${key}`;
  const rows = await db.$queryRaw<{ count: number; resetAt: Date }[]>`
    INSERT INTO "RateLimitCounter" ("key", "count", "resetAt")
    VALUES (${id}, 1, now() + make_interval(secs => ${rule.windowSeconds}))
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitCounter"."resetAt" <= now() THEN 1 ELSE "RateLimitCounter"."count" + 1 END,
      "resetAt" = CASE WHEN "RateLimitCounter"."resetAt" <= now()
        THEN now() + make_interval(secs => ${rule.windowSeconds}) ELSE "RateLimitCounter"."resetAt" END
    RETURNING "count", "resetAt"`;
  const row = rows[0]!;
  return { count: row.count, allowed: row.count <= rule.limit, resetAt: row.resetAt };
}

/** The current count without adding to it (0 when the window has passed). */
export async function peekRateLimit(rule: RateLimit, key: string): Promise<number> {
  const rows = await db.$queryRaw<{ count: number }[]>`
    SELECT "count" FROM "RateLimitCounter" WHERE "key" = ${`${rule.prefix}:${key}`} AND "resetAt" > now()`;
  return rows[0]?.count ?? 0;
}

/** Forgets the attempts counted against `key` (e.g. after a successful sign-in). */
export async function resetRateLimit(rule: RateLimit, key: string): Promise<void> {
  await db.$executeRaw`DELETE FROM "RateLimitCounter" WHERE "key" = ${`${rule.prefix}:${key}`}`;
}

/** Gives back one counted attempt (e.g. one that turned out to be a successful sign-in). */
export async function refundRateLimit(rule: RateLimit, key: string): Promise<void> {
  await db.$executeRaw`
    UPDATE "RateLimitCounter" SET "count" = GREATEST("count" - 1, 0)
    WHERE "key" = ${`${rule.prefix}:${key}`} AND "resetAt" > now()`;
}
