// The lean save path (issue 9, failure #3): an autosave is at most three SQL
// statements, and the keepalive route that saves a draft as the page goes away
// is authenticated, origin-checked, validated and versioned like any save.
import pg from "pg";
import { encode } from "next-auth/jwt";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { saveDraftAction } from "@/lib/homework/actions";
import { POST } from "@/app/api/drafts/route";
import { PrismaPg } from "@prisma/adapter-pg";
import { isDatabaseUnavailable } from "@/lib/db-unavailable";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { poolConfig } from "@/lib/db-pool-config";
import { OUTAGE_MESSAGE } from "@/lib/homework/draft-result";
import type { TherapistScope } from "@/lib/clients/scope";
import { db } from "@/lib/db";
import { createAuthSession } from "@/lib/sessions/create-session";
import { createTherapist } from "@/tests/support/integration-fixtures";
import { statementsOf } from "@/tests/support/statement-count";
import { assignBuiltIn, createClientIn } from "@/tests/support/homework-fixtures";

const COOKIE = "authjs.session-token";
const ORIGIN = "http://localhost:3000";

// A lock the save has to wait for gives up quickly, so an outage test is short.
vi.hoisted(() => {
  process.env.DB_LOCK_TIMEOUT_MS = "400";
});

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

/** POSTs to the keepalive route as the browser does from a Trellis page. */
async function keepalive(body: unknown, headers: Record<string, string> = {}) {
  const response = await POST(
    new Request(`${ORIGIN}/api/drafts`, {
      method: "POST",
      headers: { host: "localhost:3000", origin: ORIGIN, "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function storedDraft(assignmentId: string, entryKey: string) {
  return db.submission.findFirst({ where: { assignmentId, entryKey }, select: { version: true, answers: true, status: true } });
}

describe("the keepalive route (POST /api/drafts)", () => {
  it("saves a draft like the action: versioned, and the next save builds on it", async () => {
    const client = await signedInClient();
    const draft = { assignmentId: client.assignmentId, entryKey: client.today, privateKeys: [] };

    const first = await keepalive({ ...draft, answers: { promise: "Sent as the page closed" }, baseVersion: 0 });
    expect(first).toMatchObject({ status: 200, body: { ok: true, version: 1 } });
    expect(await storedDraft(client.assignmentId, client.today)).toMatchObject({ version: 1, answers: { promise: "Sent as the page closed" } });

    const next = await saveDraftAction({ ...draft, answers: { promise: "Sent as the page closed, then more" }, baseVersion: 1 });
    expect(next).toMatchObject({ ok: true, version: 2 });
  });

  it("accepts a replay idempotently: the same draft at the same version again is ok and writes nothing", async () => {
    const client = await signedInClient();
    const save = { assignmentId: client.assignmentId, entryKey: client.today, privateKeys: [], answers: { promise: "Said once" }, baseVersion: 0 };

    expect(await saveDraftAction(save)).toMatchObject({ ok: true, version: 1 });
    // The keepalive copy of that same save arrives after it.
    const replay = await keepalive(save);
    expect(replay).toMatchObject({ status: 200, body: { ok: true, version: 1 } });
    expect(await keepalive(save)).toMatchObject({ status: 200, body: { ok: true, version: 1 } });
    expect(await storedDraft(client.assignmentId, client.today)).toMatchObject({ version: 1 });

    // …and it is no conflict for the page's next save.
    expect(await saveDraftAction({ ...save, answers: { promise: "Said once, then twice" }, baseVersion: 1 })).toMatchObject({ ok: true, version: 2 });
  });

  it("builds on the page's own save that landed while it was on its way (supersedes), but not on another tab's", async () => {
    const client = await signedInClient();
    const base = { assignmentId: client.assignmentId, entryKey: client.today, privateKeys: [] };
    await saveDraftAction({ ...base, answers: { promise: "v1" }, baseVersion: 0 });

    // The page's save of "v2" (base 1) landed; its keepalive, sent before that answer came, still says base 1.
    await saveDraftAction({ ...base, answers: { promise: "v2" }, baseVersion: 1 });
    const closing = await keepalive({ ...base, answers: { promise: "v2 and the last words" }, baseVersion: 1, supersedes: { answers: { promise: "v2" }, privateKeys: [] } });
    expect(closing).toMatchObject({ status: 200, body: { ok: true, version: 3 } });
    expect(await storedDraft(client.assignmentId, client.today)).toMatchObject({ version: 3, answers: { promise: "v2 and the last words" } });

    // Another tab wrote version 4; a stale keepalive claiming to supersede something else is a conflict, and stores nothing.
    await saveDraftAction({ ...base, answers: { promise: "other tab" }, baseVersion: 3 });
    const stale = await keepalive({ ...base, answers: { promise: "stale page" }, baseVersion: 3, supersedes: { answers: { promise: "not what is stored" }, privateKeys: [] } });
    expect(stale).toMatchObject({ status: 409, body: { ok: false, reason: "conflict", current: { version: 4, answers: { promise: "other tab" } } } });
    expect(await storedDraft(client.assignmentId, client.today)).toMatchObject({ version: 4, answers: { promise: "other tab" } });
  });

  it("refuses no session (401), a revoked one (401), a foreign or missing Origin (403), another client's entry (404) and bad payloads (400)", async () => {
    const owner = await signedInClient();
    const ownerCookie = owner.cookie;
    const intruder = await signedInClient();
    const save = { assignmentId: owner.assignmentId, entryKey: owner.today, privateKeys: [], answers: { promise: "x" }, baseVersion: 0 };

    // The intruder's own session, the owner's entry: the answer of a thing that is not there.
    const foreign = await keepalive(save);
    expect(foreign.status).toBe(404);
    expect(await keepalive({ ...save, assignmentId: "no-such-assignment" })).toMatchObject({ status: 404 });

    request.cookies.clear();
    expect(await keepalive(save)).toMatchObject({ status: 401, body: { reason: "signed-out" } });
    request.cookies.set(COOKIE, ownerCookie);
    await db.authSession.update({ where: { id: owner.sessionId }, data: { revokedAt: new Date() } });
    expect(await keepalive(save)).toMatchObject({ status: 401, body: { reason: "signed-out" } });

    request.cookies.set(COOKIE, intruder.cookie);
    const intruderSave = { ...save, assignmentId: intruder.assignmentId, entryKey: intruder.today };
    expect((await keepalive(intruderSave, { origin: "https://evil.example" })).status).toBe(403);
    expect((await keepalive(intruderSave, { origin: "null" })).status).toBe(403);
    const noOrigin = await POST(
      new Request(`${ORIGIN}/api/drafts`, { method: "POST", headers: { host: "localhost:3000" }, body: JSON.stringify(intruderSave) }),
    );
    expect(noOrigin.status).toBe(403);

    for (const bad of [
      "not json",
      "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
      { ...intruderSave, baseVersion: -1 },
      { ...intruderSave, baseVersion: "1" },
      { ...intruderSave, entryKey: "2026-01-01\u0000" },
      { ...intruderSave, answers: { not_a_field: "x" } },
      { ...intruderSave, answers: { promise: "x".repeat(250_000) } },
      { ...intruderSave, supersedes: { answers: "nope", privateKeys: [] } },
    ]) {
      const answer = await keepalive(bad);
      expect(answer.status, JSON.stringify(bad).slice(0, 80)).toBe(400);
      expect(answer.body).toMatchObject({ ok: false, reason: "invalid" });
    }
    expect((await keepalive("x".repeat(1024 * 1024 + 10))).status).toBe(413);

    // Nothing of any of that was stored.
    expect(await storedDraft(owner.assignmentId, owner.today)).toBeNull();
    expect(await storedDraft(intruder.assignmentId, intruder.today)).toBeNull();
  });
});

describe("a database that does not answer", () => {
  it("makes the action answer { reason: 'unavailable' } with the outage message, not a 500, and the route a 503", async () => {
    const client = await signedInClient();
    const save = { assignmentId: client.assignmentId, entryKey: client.today, privateKeys: [], answers: { promise: "Typed during an outage" }, baseVersion: 0 };
    // Another session holds the assignment table; the save waits for it until lock_timeout gives up.
    const blocker = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await blocker.connect();
    try {
      await blocker.query("BEGIN");
      await blocker.query('LOCK TABLE "Assignment" IN ACCESS EXCLUSIVE MODE');
      const started = Date.now();
      expect(await saveDraftAction(save)).toEqual({ ok: false, reason: "unavailable", message: OUTAGE_MESSAGE });
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(await keepalive(save)).toMatchObject({ status: 503, body: { reason: "unavailable", message: OUTAGE_MESSAGE } });
    } finally {
      await blocker.query("ROLLBACK").catch(() => {});
      await blocker.end();
    }
    // Back: the same save goes through.
    expect(await saveDraftAction(save)).toMatchObject({ ok: true, version: 1 });
  });
});

describe("isDatabaseUnavailable", () => {
  const clientFor = (url: string, statement = 10_000) =>
    new PrismaClient({
      adapter: new PrismaPg(
        poolConfig(
          { DATABASE_URL: url, DB_CONNECT_TIMEOUT_MS: 1_000, DB_STATEMENT_TIMEOUT_MS: statement, DB_LOCK_TIMEOUT_MS: 1_000, DB_IDLE_TRANSACTION_TIMEOUT_MS: 5_000 },
          1,
        ),
      ),
    });
  const failure = (work: Promise<unknown>) => work.then(() => null, (error: unknown) => error);

  it("recognises a refused connection and a statement timeout as real errors from PostgreSQL, and nothing else", async () => {
    const url = new URL(process.env.DATABASE_URL!);
    url.port = "1";
    const nowhere = clientFor(url.toString());
    const slow = clientFor(process.env.DATABASE_URL!, 200);
    try {
      const refused = await failure(nowhere.$queryRaw`select 1`);
      expect(refused).not.toBeNull();
      expect(isDatabaseUnavailable(refused)).toBe(true);
      const timedOut = await failure(slow.$queryRaw`select pg_sleep(3)`);
      expect(timedOut).not.toBeNull();
      expect(isDatabaseUnavailable(timedOut)).toBe(true);

      const duplicate = await failure(slow.$executeRaw`insert into "RateLimitCounter" ("key", "count", "resetAt") values ('dup', 1, now()), ('dup', 1, now())`);
      expect(duplicate).not.toBeNull();
      expect(isDatabaseUnavailable(duplicate)).toBe(false);
      const syntax = await failure(slow.$queryRawUnsafe("select from where"));
      expect(isDatabaseUnavailable(syntax)).toBe(false);
      expect(isDatabaseUnavailable(new Error("Cannot read properties of undefined"))).toBe(false);
    } finally {
      await Promise.all([nowhere.$disconnect(), slow.$disconnect()]);
    }
  });
});
