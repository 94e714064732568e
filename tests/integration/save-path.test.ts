// The lean save path (issue 9, failure #3): an autosave is at most three SQL
// statements, and the keepalive route that saves a draft as the page goes away
// is authenticated, origin-checked, validated and versioned like any save.
import pg from "pg";
import { encode } from "next-auth/jwt";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { saveDraftAction } from "@/app/(portal)/portal/homework/actions";
import type { TherapistScope } from "@/lib/clients/scope";
import { db } from "@/lib/db";
import { createAuthSession } from "@/lib/sessions/create-session";
import { createTherapist } from "@/tests/support/integration-fixtures";
import { assignBuiltIn, createClientIn } from "@/tests/support/homework-fixtures";

const COOKIE = "authjs.session-token";

// The request the code under test sees through next/headers.
const request = vi.hoisted(() => ({ cookies: new Map<string, string>(), headers: new Headers() }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
    getAll: () => [...request.cookies].map(([name, value]) => ({ name, value })),
    has: (name: string) => request.cookies.has(name),
  }),
  headers: async () => new Headers(request.headers),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

let therapist: TherapistScope;

beforeAll(async () => {
  therapist = (await createTherapist()).scope;
});

beforeEach(() => {
  request.cookies.clear();
  request.headers = new Headers({ host: "localhost:3000" });
});

/** A client with a daily micro-promise assignment running since last week, signed in. */
async function signedInClient() {
  const client = await createClientIn(therapist, "Europe/London");
  const assignmentId = await assignBuiltIn(
    therapist,
    "micro-promises",
    client.clientId,
    { scheduleType: "DAILY", startDate: new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10) },
    new Date(Date.now() - 7 * 86_400_000),
  );
  const email = (await db.user.findUniqueOrThrow({ where: { id: client.userId }, select: { email: true } })).email;
  const session = await createAuthSession({ userId: client.userId, userAgent: "vitest", address: "203.0.113.9" });
  const cookie = await encode({
    token: { sub: client.userId, email, uid: client.userId, role: "CLIENT", sid: session.id, sxp: Math.floor(session.expiresAt.getTime() / 1000) },
    secret: process.env.AUTH_SECRET!,
    salt: COOKIE,
    maxAge: 12 * 60 * 60,
  });
  request.cookies.set(COOKIE, cookie);
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date());
  return { ...client, assignmentId, today, cookie, sessionId: session.id };
}

describe("statement count", () => {
  const original = pg.Client.prototype.query;
  afterEach(() => {
    pg.Client.prototype.query = original;
  });

  /**
   * Every statement PostgreSQL receives from this process while `run` runs.
   * Prisma's pg adapter sends each query through a pg Client (Pool#query
   * checks one out and calls Client#query; a transaction calls it for BEGIN,
   * each statement and COMMIT), so wrapping Client#query sees every round
   * trip, transaction control included, without a database extension.
   */
  async function statementsOf(run: () => Promise<unknown>): Promise<string[]> {
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

  it("an autosave (first save, later save) takes at most 3 statements", async () => {
    const client = await signedInClient();
    const payload = (promise: string, baseVersion: number) => ({
      assignmentId: client.assignmentId,
      entryKey: client.today,
      answers: { promise },
      privateKeys: [],
      baseVersion,
    });
    let result: Awaited<ReturnType<typeof saveDraftAction>> | undefined;
    const first = await statementsOf(async () => {
      result = await saveDraftAction(payload("Call when I land", 0));
    });
    expect(result).toMatchObject({ ok: true, version: 1 });
    const later = await statementsOf(async () => {
      result = await saveDraftAction(payload("Call when I land, and text", 1));
    });
    expect(result).toMatchObject({ ok: true, version: 2 });
    expect(first.length).toBeLessThanOrEqual(3);
    expect(later.length).toBeLessThanOrEqual(3);
  });
});
