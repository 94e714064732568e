// Counting what reaches PostgreSQL, for tests that hold a code path to a fixed
// number of statements.
import pg from "pg";

/**
 * Every statement PostgreSQL receives from this process while `run` runs.
 * Prisma's pg adapter sends each query through a pg Client (Pool#query
 * checks one out and calls Client#query; a transaction calls it for BEGIN,
 * each statement and COMMIT), so wrapping Client#query sees every round
 * trip, transaction control included, without a database extension. The
 * original is put back even when `run` throws.
 */
export async function statementsOf(run: () => Promise<unknown>): Promise<string[]> {
  const original = pg.Client.prototype.query;
  const statements: string[] = [];
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [query] = args;
    statements.push(typeof query === "string" ? query : String((query as { text?: string }).text));
    return (original as (...inner: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await run();
  } finally {
    pg.Client.prototype.query = original;
  }
  return statements;
}
