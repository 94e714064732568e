// Whether an error means "the database cannot be reached or did not answer in
// time" (an outage the caller should wait out) rather than a bug or a refused
// write. Prisma (through @prisma/adapter-pg) and pg report these several ways,
// so the error, its `cause` chain and any wrapped driver error are all looked at.

// Prisma: can't reach server, timed out, server closed the connection, pool
// timeout, transaction API error (e.g. a transaction that timed out).
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);

// PostgreSQL SQLSTATEs: class 08 (connection exception), query cancelled
// (statement_timeout), lock_timeout, idle-in-transaction timeout, server
// shutting down / starting / crashed, too many connections.
const SQLSTATE = /^(08\w{3}|57014|55P03|25P03|57P01|57P02|57P03|57P05|53300)$/;

// Node socket errors.
const NODE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);

// Driver adapter error kinds (Prisma's own names for the same situations).
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "TransactionAlreadyClosed"]);

// pg's and Prisma's messages where no code is attached.
const MESSAGES =
  /connection terminated|timeout exceeded when trying to connect|query read timeout|connection timeout|can't reach database server|server closed the connection|canceling statement due to (statement|lock) timeout|terminating connection|the database system is (starting up|shutting down|not yet accepting connections)|client has encountered a connection error|connection refused/i;

function codesOf(error: object): unknown[] {
  const record = error as Record<string, unknown>;
  const cause = record.cause as Record<string, unknown> | undefined;
  return [record.code, record.errno, cause?.code, cause?.originalCode, cause?.kind, record.kind];
}

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  // Follow the cause chain a few levels (Prisma wraps the adapter's error, which wraps pg's).
  for (let depth = 0; depth < 6 && current && typeof current === "object" && !seen.has(current); depth++) {
    seen.add(current);
    for (const code of codesOf(current)) {
      if (typeof code !== "string") continue;
      if (PRISMA_CODES.has(code) || SQLSTATE.test(code) || NODE_CODES.has(code) || ADAPTER_KINDS.has(code)) return true;
    }
    const message = (current as { message?: unknown }).message;
    if (typeof message === "string" && MESSAGES.test(message)) return true;
    // Prisma keeps a driver adapter error it has no code of its own for (say
    // 57P03, "not yet accepting connections" while PostgreSQL starts) in
    // meta.driverAdapterError, not in cause.
    const meta = (current as { meta?: { driverAdapterError?: unknown } }).meta;
    current = (current as { cause?: unknown }).cause ?? meta?.driverAdapterError;
  }
  return false;
}
