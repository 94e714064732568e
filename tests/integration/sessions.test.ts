// Server-side sessions (issue 8, failure #1): a cookie is only as good as its
// AuthSession row. Sign-out, "sign out everywhere else", a password change and
// archiving revoke rows; idle and absolute limits end them; next-auth's session
// endpoint never re-issues a dead one. Time is simulated by moving lastSeenAt /
// expiresAt in the database.
import { randomUUID } from "node:crypto";
import { encode, decode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET, POST } from "@/app/api/auth/[...nextauth]/route";
import { saveDraftAction } from "@/lib/homework/actions";
import { changePassword } from "@/lib/accounts/change-password";
import { signOutAction } from "@/lib/auth/actions";
import { getIdentity } from "@/lib/auth/session";
import { archiveClient } from "@/lib/clients/archive-client";
import { db } from "@/lib/db";
import { createAuthSession } from "@/lib/sessions/create-session";
import { describeDevice } from "@/lib/sessions/describe-device";
import { endOtherSession, endOtherSessions } from "@/lib/sessions/end-sessions";
import { listOpenSessions } from "@/lib/sessions/list-sessions";
import { reauthenticateAction } from "@/lib/sessions/reauthenticate-action";
import { endSessionAction } from "@/lib/sessions/session-actions";
import { sessionHandle } from "@/lib/sessions/session-handle";
import { createActiveClient, createTherapist, PASSWORD } from "@/tests/support/integration-fixtures";

const COOKIE = "authjs.session-token";
const FIREFOX_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

// The request the code under test sees through next/headers.
const request = vi.hoisted(() => ({ cookies: new Map<string, string>(), headers: new Headers() }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
    getAll: () => [...request.cookies].map(([name, value]) => ({ name, value })),
    has: (name: string) => request.cookies.has(name),
    set: (name: string, value: string, options?: { maxAge?: number }) => {
      if (value === "" || options?.maxAge === 0) request.cookies.delete(name);
      else request.cookies.set(name, value);
    },
    delete: (name: string) => request.cookies.delete(name),
  }),
  // The Cookie header follows the jar, as it would on the next request.
  headers: async () => {
    const headers = new Headers(request.headers);
    if (request.cookies.size) headers.set("cookie", [...request.cookies].map(([name, value]) => `${name}=${value}`).join("; "));
    return headers;
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

beforeEach(() => {
  request.cookies.clear();
  request.headers = new Headers({ host: "localhost:3000", "x-forwarded-proto": "http", "user-agent": FIREFOX_LINUX, "x-forwarded-for": "203.0.113.7" });
});

type SignedIn = { userId: string; role: "THERAPIST" | "CLIENT"; email: string };

/** Opens a session as sign-in does and returns the cookie value that carries it. */
async function openSession(user: SignedIn) {
  const session = await createAuthSession({ userId: user.userId, userAgent: FIREFOX_LINUX, address: "203.0.113.7" });
  const cookie = await encode({
    token: { sub: user.userId, email: user.email, uid: user.userId, role: user.role, sid: session.id, sxp: Math.floor(session.expiresAt.getTime() / 1000) },
    secret: process.env.AUTH_SECRET!,
    salt: COOKIE,
    maxAge: 12 * 60 * 60,
  });
  return { sessionId: session.id, cookie };
}

const sendCookie = (cookie: string) => request.cookies.set(COOKIE, cookie);

async function identityWith(cookie: string) {
  sendCookie(cookie);
  return getIdentity();
}

const age = (sessionId: string, data: { lastSeenAt?: Date; expiresAt?: Date }) =>
  db.authSession.update({ where: { id: sessionId }, data });
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

async function therapist(): Promise<SignedIn & { scope: { therapistId: string; practiceId: string } }> {
  const { user, email, scope } = await createTherapist();
  return { userId: user.id, role: "THERAPIST", email, scope };
}

async function client() {
  const owner = await therapist();
  const { user, email, client } = await createActiveClient(owner.scope);
  return { userId: user.id, role: "CLIENT" as const, email, clientId: client.id, owner };
}

/** GET /api/auth/session with a cookie, as a browser (or an attacker with a copied cookie) would. */
async function sessionEndpoint(cookie: string) {
  const response = await GET(new NextRequest("http://localhost:3000/api/auth/session", { headers: { cookie: `${COOKIE}=${cookie}` } }));
  const setCookies = response.headers.getSetCookie();
  const reissued = setCookies.map((line) => /^authjs\.session-token=([^;]*)/.exec(line)?.[1]).find((value) => value);
  return { body: (await response.json()) as { user?: { email?: string } } | null, setCookies, reissued };
}

describe("signing in", () => {
  it("opens a server-side session through the credentials endpoint, named in the cookie", async () => {
    const person = await client();
    const csrf = await GET(new NextRequest("http://localhost:3000/api/auth/csrf"));
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = csrf.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");

    const response = await POST(
      new NextRequest("http://localhost:3000/api/auth/callback/credentials", {
        method: "POST",
        headers: { cookie: csrfCookie, "content-type": "application/x-www-form-urlencoded", "user-agent": FIREFOX_LINUX },
        body: new URLSearchParams({ email: person.email, password: PASSWORD, csrfToken, callbackUrl: "/" }),
      }),
    );

    expect(response.headers.get("location") ?? "").not.toMatch(/error=/);
    const cookie = response.headers.getSetCookie().map((line) => /^authjs\.session-token=([^;]+)/.exec(line)?.[1]).find(Boolean)!;
    const token = await decode({ token: cookie, secret: process.env.AUTH_SECRET!, salt: COOKIE });
    const row = await db.authSession.findUniqueOrThrow({ where: { id: String(token?.sid) } });
    expect(row).toMatchObject({ userId: person.userId, revokedAt: null, device: "Firefox on Linux", address: "203.0.113.7" });
    expect(row.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The absolute lifetime: 12 hours from sign-in, and the token itself ends then too.
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(12 * 60 * 60 * 1000);
    expect(token!.exp).toBeLessThanOrEqual(Math.ceil(row.expiresAt.getTime() / 1000));

    expect(await identityWith(cookie)).toMatchObject({ role: "CLIENT", userId: person.userId, sessionId: row.id, clientId: person.clientId });
  });

  it("describes the device in a few words, never the raw header", () => {
    expect(describeDevice("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36")).toBe("Chrome on Android");
    expect(describeDevice("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1")).toBe("Safari on iPhone");
    expect(describeDevice("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0")).toBe("Edge on Windows");
    expect(describeDevice(null)).toBe("Unknown device");
    expect(describeDevice("curl/8.5.0")).toBe("Unknown device");
  });
});

describe("signing out", () => {
  it("revokes the session: the same cookie replayed afterwards is signed out, and the session endpoint does not renew it", async () => {
    const person = await client();
    const { sessionId, cookie } = await openSession(person);
    expect(await identityWith(cookie)).toMatchObject({ userId: person.userId, sessionId });

    sendCookie(cookie);
    await expect(signOutAction()).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT/) });

    expect((await db.authSession.findUniqueOrThrow({ where: { id: sessionId } })).revokedAt).toBeInstanceOf(Date);
    expect(request.cookies.has(COOKIE), "next-auth cleared the cookie in this browser").toBe(false);
    const events = await db.auditEvent.findMany({ where: { action: "sign_out", actorId: person.userId } });
    expect(events).toEqual([expect.objectContaining({ subjectType: "AuthSession", subjectId: sessionHandle(sessionId), address: "203.0.113.7" })]);

    // The copy an attacker kept:
    expect(await identityWith(cookie)).toBeNull();
    expect(await saveDraftAction({ assignmentId: "x", entryKey: "y", answers: {}, privateKeys: [], baseVersion: 0 })).toEqual({
      ok: false,
      reason: "signed-out",
    });
    const endpoint = await sessionEndpoint(cookie);
    expect(endpoint.body).toBeNull();
    expect(endpoint.reissued, "no fresh session cookie").toBeUndefined();
    expect(endpoint.setCookies.some((line) => /^authjs\.session-token=;/.test(line)), "the dead cookie is cleared").toBe(true);
  });

  it("renews a live session's cookie no further than the session's absolute end", async () => {
    const person = await therapist();
    const { sessionId, cookie } = await openSession(person);
    const expiresAt = new Date(Date.now() + 5 * 60_000);
    await age(sessionId, { expiresAt });

    const endpoint = await sessionEndpoint(cookie);

    expect(endpoint.body?.user?.email).toBe(person.email);
    const renewed = await decode({ token: endpoint.reissued!, secret: process.env.AUTH_SECRET!, salt: COOKIE });
    expect(renewed!.exp).toBeLessThanOrEqual(Math.ceil(expiresAt.getTime() / 1000));
    expect(renewed!.sid).toBe(sessionId);
  });
});

describe("lifetimes", () => {
  it("ends a therapist's session after 30 idle minutes", async () => {
    const person = await therapist();
    const { sessionId, cookie } = await openSession(person);

    await age(sessionId, { lastSeenAt: minutesAgo(29) });
    expect(await identityWith(cookie)).not.toBeNull();

    await age(sessionId, { lastSeenAt: minutesAgo(31) });
    expect(await identityWith(cookie)).toBeNull();
    expect((await sessionEndpoint(cookie)).body).toBeNull();
  });

  it("gives a client 2 idle hours", async () => {
    const person = await client();
    const { sessionId, cookie } = await openSession(person);

    await age(sessionId, { lastSeenAt: minutesAgo(100) });
    expect(await identityWith(cookie)).toMatchObject({ userId: person.userId });

    await age(sessionId, { lastSeenAt: minutesAgo(121) });
    expect(await identityWith(cookie)).toBeNull();
    expect((await sessionEndpoint(cookie)).reissued).toBeUndefined();
  });

  it("ends every session at its absolute end, however active", async () => {
    const person = await client();
    const { sessionId, cookie } = await openSession(person);

    await age(sessionId, { lastSeenAt: new Date(), expiresAt: minutesAgo(1) });

    expect(await identityWith(cookie)).toBeNull();
    const endpoint = await sessionEndpoint(cookie);
    expect(endpoint.body).toBeNull();
    expect(endpoint.reissued).toBeUndefined();
  });

  it("moves lastSeenAt on with use, at most once a minute", async () => {
    const person = await therapist();
    const { sessionId, cookie } = await openSession(person);

    const recent = new Date(Date.now() - 30_000);
    await age(sessionId, { lastSeenAt: recent });
    await identityWith(cookie);
    expect((await db.authSession.findUniqueOrThrow({ where: { id: sessionId } })).lastSeenAt).toEqual(recent);

    await age(sessionId, { lastSeenAt: minutesAgo(20) });
    await identityWith(cookie);
    const seen = (await db.authSession.findUniqueOrThrow({ where: { id: sessionId } })).lastSeenAt;
    expect(Math.abs(seen.getTime() - Date.now())).toBeLessThan(5_000);
  });

  it("refuses a cookie whose session belongs to someone else", async () => {
    const victim = await client();
    const attacker = await client();
    const { sessionId } = await openSession(victim);
    const forged = await encode({
      token: { uid: attacker.userId, role: "CLIENT", sid: sessionId },
      secret: process.env.AUTH_SECRET!,
      salt: COOKIE,
    });
    expect(await identityWith(forged)).toBeNull();
  });
});

describe("ending sessions together", () => {
  it("a password change revokes every other session and keeps the one that made it", async () => {
    const person = await therapist();
    const here = await openSession(person);
    const elsewhere = await openSession(person);

    await changePassword({ userId: person.userId, sessionId: here.sessionId }, { currentPassword: PASSWORD, newPassword: "a brand new passphrase here" });

    expect(await identityWith(elsewhere.cookie)).toBeNull();
    expect(await identityWith(here.cookie)).toMatchObject({ sessionId: here.sessionId });
  });

  it("archiving a client revokes all of their sessions", async () => {
    const person = await client();
    const phone = await openSession(person);
    const laptop = await openSession(person);

    await archiveClient(person.owner.scope, person.clientId);

    const rows = await db.authSession.findMany({ where: { userId: person.userId } });
    expect(rows.map((row) => row.revokedAt)).toEqual([expect.any(Date), expect.any(Date)]);
    expect(await identityWith(phone.cookie)).toBeNull();
    expect(await identityWith(laptop.cookie)).toBeNull();
  });

  it("lists the caller's own open sessions and ends one of them", async () => {
    const person = await client();
    const here = await openSession(person);
    const other = await openSession(person);
    const idle = await openSession(person);
    await age(idle.sessionId, { lastSeenAt: minutesAgo(200) });
    const stranger = await client();
    await openSession(stranger);

    const caller = { ...person, sessionId: here.sessionId, practiceId: person.owner.scope.practiceId };
    const listed = await listOpenSessions(caller);
    expect(listed.map((session) => [session.handle, session.current])).toEqual([
      [sessionHandle(here.sessionId), true],
      [sessionHandle(other.sessionId), false],
    ]);
    expect(listed[0]).toMatchObject({ device: "Firefox on Linux", address: "203.0.113.7" });

    await endOtherSession(caller, sessionHandle(other.sessionId), "198.51.100.1");
    expect(await identityWith(other.cookie)).toBeNull();
    expect(await identityWith(here.cookie)).not.toBeNull();
    expect(await db.auditEvent.count({ where: { action: "session.revoked", actorId: person.userId, subjectId: sessionHandle(other.sessionId) } })).toBe(1);
  });

  it("refuses to end another person's session: it reads as not found", async () => {
    const person = await client();
    const mine = await openSession(person);
    const victim = await therapist();
    const theirs = await openSession(victim);
    const caller = { userId: person.userId, sessionId: mine.sessionId, practiceId: person.owner.scope.practiceId };

    await expect(endOtherSession(caller, sessionHandle(theirs.sessionId), null)).rejects.toMatchObject({ kind: "not_found" });
    // The caller's own current session is not "another" one either.
    await expect(endOtherSession(caller, sessionHandle(mine.sessionId), null)).rejects.toMatchObject({ kind: "not_found" });

    sendCookie(mine.cookie);
    const form = new FormData();
    form.set("session", sessionHandle(theirs.sessionId));
    expect(await endSessionAction(null, form)).toMatchObject({ ok: false, message: expect.stringMatching(/couldn't find/i) });

    expect(await identityWith(theirs.cookie)).toMatchObject({ userId: victim.userId });
    expect(await endOtherSessions(caller, null)).toBe(0);
    expect(await identityWith(theirs.cookie)).not.toBeNull();
  });

  it("signs out everywhere else", async () => {
    const person = await therapist();
    const here = await openSession(person);
    const b = await openSession(person);
    const c = await openSession(person);

    const count = await endOtherSessions({ userId: person.userId, sessionId: here.sessionId, practiceId: person.scope.practiceId }, null);

    expect(count).toBe(2);
    expect(await identityWith(b.cookie)).toBeNull();
    expect(await identityWith(c.cookie)).toBeNull();
    expect(await identityWith(here.cookie)).not.toBeNull();
  });
});

describe("signing in again on the page", () => {
  it("lets only the person the old cookie belonged to back in", async () => {
    const person = await client();
    const other = await client();
    const { sessionId, cookie } = await openSession(person);
    await age(sessionId, { lastSeenAt: minutesAgo(500) });
    sendCookie(cookie);

    expect(await reauthenticateAction({ email: other.email, password: PASSWORD })).toMatchObject({ ok: false, reason: "invalid" });
    expect(await db.authSession.count({ where: { userId: other.userId } })).toBe(0);

    expect(await reauthenticateAction({ email: person.email, password: "not the password" })).toMatchObject({ ok: false, reason: "invalid" });
    expect(await reauthenticateAction({ email: person.email, password: PASSWORD })).toEqual({ ok: true });
    const fresh = request.cookies.get(COOKIE)!;
    expect(fresh).not.toBe(cookie);
    expect(await identityWith(fresh)).toMatchObject({ userId: person.userId });
  });
});

it("a random session id is refused", async () => {
  const person = await therapist();
  const forged = await encode({ token: { uid: person.userId, role: "THERAPIST", sid: randomUUID() }, secret: process.env.AUTH_SECRET!, salt: COOKIE });
  expect(await identityWith(forged)).toBeNull();
});
