// The pg pool settings behind the one Prisma client (lib/db.ts). Kept apart
// so tests can build a client with the same limits against a hung server.
import type { PoolConfig } from "pg";
import type { Env } from "@/lib/env";

type TimeoutSettings = Pick<
  Env,
  "DATABASE_URL" | "DB_CONNECT_TIMEOUT_MS" | "DB_STATEMENT_TIMEOUT_MS" | "DB_LOCK_TIMEOUT_MS" | "DB_IDLE_TRANSACTION_TIMEOUT_MS"
>;

export function poolConfig(env: TimeoutSettings, max = 10): PoolConfig {
  return {
    connectionString: env.DATABASE_URL,
    max,
    connectionTimeoutMillis: env.DB_CONNECT_TIMEOUT_MS,
    statement_timeout: env.DB_STATEMENT_TIMEOUT_MS,
    lock_timeout: env.DB_LOCK_TIMEOUT_MS,
    idle_in_transaction_session_timeout: env.DB_IDLE_TRANSACTION_TIMEOUT_MS,
    // statement_timeout is enforced by the server; a server that is stopped
    // or cut off never answers, so the client gives up a little later itself.
    query_timeout: env.DB_STATEMENT_TIMEOUT_MS + 1_000,
  };
}
