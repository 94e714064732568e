// A slow or hung PostgreSQL must never hold a request for long (issue 9):
// these tests stop a real server process and time the client's answer.
import { PrismaPg } from "@prisma/adapter-pg";
import { afterEach, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { poolConfig } from "@/lib/db-pool-config";

const clients: PrismaClient[] = [];
const stopped: number[] = [];

afterEach(async () => {
  for (const pid of stopped.splice(0)) process.kill(pid, "SIGCONT");
  await Promise.all(clients.splice(0).map((client) => client.$disconnect().catch(() => {})));
});

function clientWith(limits: { statement: number; lock?: number }) {
  const client = new PrismaClient({
    adapter: new PrismaPg(
      poolConfig(
        {
          DATABASE_URL: process.env.DATABASE_URL!,
          DB_CONNECT_TIMEOUT_MS: 2_000,
          DB_STATEMENT_TIMEOUT_MS: limits.statement,
          DB_LOCK_TIMEOUT_MS: limits.lock ?? 5_000,
          DB_IDLE_TRANSACTION_TIMEOUT_MS: 5_000,
        },
        1,
      ),
    ),
  });
  clients.push(client);
  return client;
}

async function timed(work: Promise<unknown>): Promise<{ ms: number; error: unknown }> {
  const started = performance.now();
  try {
    await work;
    return { ms: performance.now() - started, error: null };
  } catch (error) {
    return { ms: performance.now() - started, error };
  }
}

describe("database time limits", () => {
  it("cancels a statement that runs past statement_timeout", async () => {
    const client = clientWith({ statement: 300 });
    const { ms, error } = await timed(client.$queryRaw`select pg_sleep(5)`);
    expect(String(error)).toMatch(/statement timeout|canceling statement/i);
    // Generous for a busy machine, yet well under the 5 s the statement would take.
    expect(ms).toBeLessThan(4_500);
  });

  it("gives up on a server process that stops answering (SIGSTOP) just after the statement limit", async () => {
    const client = clientWith({ statement: 500 });
    // Pool of one: the backend that answers this is the one that serves the next query.
    const [row] = await client.$queryRaw<{ pid: number }[]>`select pg_backend_pid() as pid`;
    const pid = row!.pid;
    process.kill(pid, "SIGSTOP");
    stopped.push(pid);

    const { ms, error } = await timed(client.$queryRaw`select 1`);

    expect(error, "the query must fail rather than hang").toBeTruthy();
    expect(ms).toBeGreaterThanOrEqual(400);
    // Without the client-side limit this would hang until the test's own timeout;
    // with it, 500 ms + the 250 ms margin (and room for a busy machine).
    expect(ms).toBeLessThan(2_500);
  });

  it("stops waiting for a row lock after lock_timeout", async () => {
    const holder = clientWith({ statement: 10_000 });
    const waiter = clientWith({ statement: 10_000, lock: 300 });
    const key = `lock-probe:${Date.now()}:${Math.random()}`;
    await holder.rateLimitCounter.create({ data: { key, count: 0, resetAt: new Date() } });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holding = holder.$transaction(async (tx) => {
      await tx.$queryRaw`select 1 from "RateLimitCounter" where "key" = ${key} for update`;
      locked();
      await held;
    });
    await isLocked;
    const { ms, error } = await timed(waiter.rateLimitCounter.update({ where: { key }, data: { count: 1 } }));
    release();
    await holding;
    await holder.rateLimitCounter.delete({ where: { key } });
    expect(String(error)).toMatch(/lock timeout|canceling statement/i);
    // Without lock_timeout it would wait for the 10 s statement limit.
    expect(ms).toBeLessThan(6_000);
  });
});
