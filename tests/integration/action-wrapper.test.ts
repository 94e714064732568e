// The one action wrapper (lib/actions/define-action.ts). Anyone can post any
// arguments to an action id: every exported action of every "use server"
// module (found on disk, not listed by hand), called with arguments of the
// wrong types by a visitor, a client and a therapist, answers or redirects —
// it never throws a TypeError (which the server turns into a 500). And the
// wrapper enforces the role: a client's call to a therapist's action is sent
// home, with nothing done.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { UNREADABLE_MESSAGE } from "@/lib/actions/define-action";
import { db } from "@/lib/db";
import { createAuthSession } from "@/lib/sessions/create-session";
import { createActiveClient, createTherapist, PASSWORD, uniqueEmail } from "@/tests/support/integration-fixtures";
import { formDataOf } from "@/tests/support/recovery-fixtures";

const COOKIE = "authjs.session-token";

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
  headers: async () => {
    const headers = new Headers(request.headers);
    if (request.cookies.size) headers.set("cookie", [...request.cookies].map(([name, value]) => `${name}=${value}`).join("; "));
    return headers;
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), after: () => undefined }));

beforeEach(() => {
  request.cookies.clear();
  request.headers = new Headers({ host: "localhost:3000", "x-forwarded-proto": "http", "user-agent": "vitest", "x-forwarded-for": "203.0.113.9" });
});

type Person = { userId: string; email: string; role: "THERAPIST" | "CLIENT" };

/** Signs in as sign-in does (an AuthSession row and its cookie) and sends the cookie from now on. */
async function signInAs(person: Person) {
  const session = await createAuthSession({ userId: person.userId, userAgent: "vitest", address: "203.0.113.9" });
  const cookie = await encode({
    token: { sub: person.userId, email: person.email, uid: person.userId, role: person.role, sid: session.id, sxp: Math.floor(session.expiresAt.getTime() / 1000) },
    secret: process.env.AUTH_SECRET!,
    salt: COOKIE,
    maxAge: 12 * 60 * 60,
  });
  request.cookies.set(COOKIE, cookie);
}

/** Where a redirect() thrown by an action points, or undefined for any other error. */
function redirectTarget(error: unknown): string | undefined {
  const digest = (error as { digest?: unknown } | null)?.digest;
  if (typeof digest !== "string" || !digest.startsWith("NEXT_REDIRECT")) return undefined;
  return digest.split(";")[2];
}

// ---------------------------------------------------------------- enumeration

const ROOT = path.resolve(import.meta.dirname, "../..");

function serverActionModules(): string[] {
  const found: string[] = [];
  const visit = (folder: string) => {
    for (const entry of readdirSync(path.join(ROOT, folder), { withFileTypes: true })) {
      const relative = path.posix.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "generated" && entry.name !== "node_modules") visit(relative);
      } else if (/\.(ts|tsx)$/.test(entry.name)) {
        const code = readFileSync(path.join(ROOT, relative), "utf8").replace(/^(?:\s+|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/, "");
        if (/^["']use server["']/.test(code)) found.push(relative);
      }
    }
  };
  for (const folder of ["app", "lib", "components"]) visit(folder);
  return found.sort();
}

const MODULES = serverActionModules();

const WRONG_ARGUMENTS: unknown[][] = [
  [],
  [undefined],
  [null],
  [[]],
  [1],
  [{ email: "someone@example.com", password: PASSWORD }],
  [null, null],
  [null, []],
  [null, 1],
  [null, { get: "not a FormData" }],
  [null, new Date(0)],
  [undefined, "text"],
];

type Outcome = { kind: "answered"; value: unknown } | { kind: "redirected"; to: string } | { kind: "threw"; error: unknown };

async function call(action: (...args: unknown[]) => Promise<unknown>, args: unknown[]): Promise<Outcome> {
  try {
    return { kind: "answered", value: await action(...args) };
  } catch (error) {
    const to = redirectTarget(error);
    return to ? { kind: "redirected", to } : { kind: "threw", error };
  }
}

describe("every Server Action, called with arguments of the wrong types", () => {
  it("finds the action modules on disk, in lib/ and not in route folders", () => {
    expect(MODULES.length).toBeGreaterThanOrEqual(10);
    expect(MODULES).toContain("lib/clients/actions.ts");
    expect(MODULES).toContain("lib/homework/actions.ts");
    expect(MODULES.filter((file) => file.startsWith("app/"))).toEqual([]);
  });

  for (const actor of ["anonymous", "client", "therapist"] as const) {
    it(`answers or redirects, never throws (${actor})`, async () => {
      const { user: therapist, scope, email } = await createTherapist();
      const client = await createActiveClient(scope);
      const signIn = async () => {
        request.cookies.clear();
        if (actor === "therapist") await signInAs({ userId: therapist.id, email, role: "THERAPIST" });
        if (actor === "client") await signInAs({ userId: client.user.id, email: client.email, role: "CLIENT" });
      };

      const thrown: string[] = [];
      let calls = 0;
      let unreadable = 0;
      for (const file of MODULES) {
        const exports = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
        const actions = Object.entries(exports).filter((entry): entry is [string, (...args: unknown[]) => Promise<unknown>] => typeof entry[1] === "function");
        expect(actions.length, `${file} exports actions`).toBeGreaterThan(0);
        for (const [name, action] of actions) {
          for (const args of WRONG_ARGUMENTS) {
            // A fresh session each time: sign-out (and "end other sessions") must not leave the rest signed out.
            await signIn();
            const outcome = await call(action, args);
            calls++;
            if (outcome.kind === "threw") {
              thrown.push(`${file}#${name}(${args.map((arg) => JSON.stringify(arg) ?? "undefined").join(", ")}): ${String(outcome.error)}`);
            }
            if (outcome.kind === "answered" && (outcome.value as { message?: unknown } | undefined)?.message === UNREADABLE_MESSAGE) unreadable++;
          }
        }
      }
      expect(thrown).toEqual([]);
      expect(calls).toBeGreaterThan(30 * WRONG_ARGUMENTS.length);
      // The shape check answered, rather than every call being turned away first.
      expect(unreadable).toBeGreaterThan(20 * WRONG_ARGUMENTS.length);
    });
  }
});

describe("the wrapper", () => {
  it("refuses a client calling a therapist's action, and a therapist calling a client's, with nothing done", async () => {
    const { addClientAction } = await import("@/lib/clients/actions");
    const { updateReminderAction } = await import("@/lib/reminders/reminder-action");
    const { user: therapist, scope, email } = await createTherapist();
    const client = await createActiveClient(scope);
    const newcomer = uniqueEmail("newcomer");
    const form = () => formDataOf({ displayName: "Nia Newcomer", email: newcomer, timeZone: "Europe/Berlin" });

    await signInAs({ userId: client.user.id, email: client.email, role: "CLIENT" });
    expect(await call(addClientAction as never, [null, form()])).toEqual({ kind: "redirected", to: "/portal" });
    request.cookies.clear();
    expect(await call(addClientAction as never, [null, form()])).toEqual({ kind: "redirected", to: "/sign-in?reason=signed-out" });
    expect(await db.user.count({ where: { email: newcomer } })).toBe(0);
    expect(await db.client.count({ where: { email: newcomer } })).toBe(0);

    await signInAs({ userId: therapist.id, email, role: "THERAPIST" });
    const reminder = formDataOf({ enabled: "on", reminderTime: "07:30" });
    expect(await call(updateReminderAction as never, [null, reminder])).toEqual({ kind: "redirected", to: "/dashboard" });

    // The therapist's own action does its work, scoped to them.
    const done = await addClientAction(null, form());
    expect(done).toMatchObject({ ok: true, clientName: "Nia Newcomer" });
    expect(await db.client.count({ where: { email: newcomer, therapistId: therapist.id } })).toBe(1);
  });

  it("answers a form action handed something other than a form with the one message, for any caller", async () => {
    const { addClientAction } = await import("@/lib/clients/actions");
    const { signUpAction } = await import("@/lib/accounts/actions");
    const expected = { ok: false, message: UNREADABLE_MESSAGE, fieldErrors: {} };
    expect(await addClientAction(null, [] as never)).toEqual(expected);
    expect(await signUpAction(null, { name: "x" } as never)).toEqual(expected);
  });

  it("echoes what was typed on a validation failure, never the password", async () => {
    const { signUpAction } = await import("@/lib/accounts/actions");
    const result = await signUpAction(null, formDataOf({ name: "", practiceName: "Calm Practice", email: "not an address", password: "hunter2", timeZone: "Europe/Berlin" }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors)).toEqual(expect.arrayContaining(["name", "email"]));
    expect(result.values).toMatchObject({ practiceName: "Calm Practice", email: "not an address" });
    expect(result.values).not.toHaveProperty("password");
  });

  it("maps a data function's AppError to the not-found answer (another therapist's client)", async () => {
    const { archiveClientAction } = await import("@/lib/clients/actions");
    const owner = await createTherapist();
    const theirClient = await createActiveClient(owner.scope);
    const { user: stranger, email } = await createTherapist();
    await signInAs({ userId: stranger.id, email, role: "THERAPIST" });
    const result = await archiveClientAction(null, formDataOf({ clientId: theirClient.client.id }));
    expect(result).toMatchObject({ ok: false, message: "We couldn't find that. It may have been removed, or you may not have access." });
    expect((await db.client.findUniqueOrThrow({ where: { id: theirClient.client.id } })).status).toBe("ACTIVE");
  });
});
