// The pg pool settings behind the one Prisma client (lib/db.ts). Kept apart
// so tests can build a client with the same limits against a hung server.
import type { PoolConfig } from "pg";
import type { Env } from "@/lib/env";

type TimeoutSettings = Pick<
  Env,
  "DATABASE_URL" | "DB_CONNECT_TIMEOUT_MS" | "DB_STATEMENT_TIMEOUT_MS" | "DB_LOCK_TIMEOUT_MS" | "DB_IDLE_TRANSACTION_TIMEOUT_MS"
>;

/** How long after the server's own statement limit the client stops waiting for an answer. */
export const CLIENT_SIDE_MARGIN_MS = 250;

export function poolConfig(env: TimeoutSettings, max = 10): PoolConfig {
  return {
    connectionString: env.DATABASE_URL,
    max,
    connectionTimeoutMillis: env.DB_CONNECT_TIMEOUT_MS,
    statement_timeout: env.DB_STATEMENT_TIMEOUT_MS,
    lock_timeout: env.DB_LOCK_TIMEOUT_MS,
    idle_in_transaction_session_timeout: env.DB_IDLE_TRANSACTION_TIMEOUT_MS,
    // statement_timeout is enforced by the server; a server that is stopped
    // or cut off never answers, so the client gives up itself just after
    // (250 ms lets a live server's own cancellation answer first). A hung
    // database therefore holds a request for about DB_STATEMENT_TIMEOUT_MS.
    query_timeout: env.DB_STATEMENT_TIMEOUT_MS + CLIENT_SIDE_MARGIN_MS,
  };
}
