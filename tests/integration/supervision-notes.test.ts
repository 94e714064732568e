// Supervision notes: a supervisor writes on the clients of the clinicians
// they supervise (checked against the Supervision row, not the role alone);
// the supervisor, the client's primary clinician and the owner read them; a
// colleague without the client, another practice and clients never do.
import { encode } from "next-auth/jwt";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import type { PracticeRole } from "@/lib/auth/session";
import type { TherapistScope } from "@/lib/clients/scope";
import { db } from "@/lib/db";
import { createAuthSession } from "@/lib/sessions/create-session";
import { writeSupervisionNoteAction } from "@/lib/supervision-notes/actions";
import { listSupervisionNotes } from "@/lib/supervision-notes/list-notes";
import { writeSupervisionNote } from "@/lib/supervision-notes/write-note";
import { createClientIn, rejection } from "@/tests/support/homework-fixtures";
import { createTherapist, uniqueEmail } from "@/tests/support/integration-fixtures";
import { formDataOf } from "@/tests/support/recovery-fixtures";

const COOKIE = "authjs.session-token";
const request = vi.hoisted(() => ({ cookies: new Map<string, string>() }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
    getAll: () => [...request.cookies].map(([name, value]) => ({ name, value })),
    has: (name: string) => request.cookies.has(name),
    set: () => undefined,
    delete: (name: string) => request.cookies.delete(name),
  }),
  headers: async () =>
    new Headers({
      host: "localhost:3000",
      "user-agent": "vitest",
      "x-forwarded-for": "203.0.113.9",
      ...(request.cookies.size ? { cookie: [...request.cookies].map(([name, value]) => `${name}=${value}`).join("; ") } : {}),
    }),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), after: () => undefined }));

async function signInAs(user: { id: string; email: string }, role: "THERAPIST" | "CLIENT") {
  const session = await createAuthSession({ userId: user.id, userAgent: "vitest", address: "203.0.113.9" });
  const cookie = await encode({
    token: { sub: user.id, email: user.email, uid: user.id, role, sid: session.id, sxp: Math.floor(session.expiresAt.getTime() / 1000) },
    secret: process.env.AUTH_SECRET!,
    salt: COOKIE,
    maxAge: 12 * 60 * 60,
  });
  request.cookies.set(COOKIE, cookie);
}

type Member = { id: string; email: string; userId: string; practiceId: string; practiceRole: PracticeRole };

async function member(practiceId: string, practiceRole: PracticeRole): Promise<Member> {
  const user = await db.user.create({
    data: {
      email: uniqueEmail(practiceRole.toLowerCase()),
      passwordHash: await hashPassword("correct horse battery staple"),
      role: "THERAPIST",
      practiceRole,
      name: `Dr ${practiceRole.toLowerCase()}`,
      timeZone: "Europe/London",
      practiceId,
    },
  });
  return { id: user.id, email: user.email, userId: user.id, practiceId, practiceRole };
}

const scopeOf = (person: Member): TherapistScope => ({ therapistId: person.id, practiceId: person.practiceId });
const NOW = new Date("2026-03-02T10:00:00Z");

let owner: Member;
let clinicianA: Member;
let clinicianB: Member;
let supervisor: Member;
let clientOfA: Awaited<ReturnType<typeof createClientIn>>;
let clientOfB: Awaited<ReturnType<typeof createClientIn>>;

beforeAll(async () => {
  const founder = await createTherapist();
  const practiceId = founder.scope.practiceId;
  owner = { id: founder.user.id, email: founder.email, userId: founder.user.id, practiceId, practiceRole: "OWNER" };
  clinicianA = await member(practiceId, "CLINICIAN");
  clinicianB = await member(practiceId, "CLINICIAN");
  supervisor = await member(practiceId, "SUPERVISOR");
  await db.supervision.create({ data: { practiceId, supervisorId: supervisor.id, clinicianId: clinicianA.id } });
  clientOfA = await createClientIn(scopeOf(clinicianA), "Europe/London", "Client of A");
  clientOfB = await createClientIn(scopeOf(clinicianB), "Europe/London", "Client of B");
});

beforeEach(() => request.cookies.clear());

describe("writing a supervision note", () => {
  it("works for the supervisor of the client's clinician, and is audited", async () => {
    const note = await writeSupervisionNote(supervisor, { clientId: clientOfA.clientId, body: "Explore the pattern of checking." }, NOW);

    const stored = await db.supervisionNote.findUniqueOrThrow({ where: { id: note.id } });
    expect(stored).toMatchObject({ clientId: clientOfA.clientId, authorId: supervisor.id, practiceId: owner.practiceId });
    const events = await db.auditEvent.findMany({ where: { subjectId: note.id } });
    expect(events.map((event) => [event.action, event.actorId, event.clientId])).toEqual([
      ["supervision_note.written", supervisor.id, clientOfA.clientId],
    ]);
  });

  it("reads as not found on a client of a clinician they do not supervise", async () => {
    const error = await rejection(writeSupervisionNote(supervisor, { clientId: clientOfB.clientId, body: "Not my supervisee" }, NOW));

    expect(error.kind).toBe("not_found");
    expect(await db.supervisionNote.count({ where: { clientId: clientOfB.clientId } })).toBe(0);
  });

  it("needs the Supervision row, not only the role: a supervisor of nobody, or whose supervision ended, is refused", async () => {
    const unlinked = await member(owner.practiceId, "SUPERVISOR");
    expect((await rejection(writeSupervisionNote(unlinked, { clientId: clientOfA.clientId, body: "x" }))).kind).toBe("not_found");

    const former = await member(owner.practiceId, "SUPERVISOR");
    await db.supervision.create({ data: { practiceId: owner.practiceId, supervisorId: former.id, clinicianId: clinicianA.id } });
    await writeSupervisionNote(former, { clientId: clientOfA.clientId, body: "While supervising" });
    await db.supervision.delete({ where: { supervisorId_clinicianId: { supervisorId: former.id, clinicianId: clinicianA.id } } });
    expect((await rejection(writeSupervisionNote(former, { clientId: clientOfA.clientId, body: "After" }))).kind).toBe("not_found");
    expect(await listSupervisionNotes(former, clientOfA.clientId)).toBeNull();
  });

  it("is not for the clinician or the owner, even on their own client", async () => {
    for (const writer of [clinicianA, owner]) {
      expect((await rejection(writeSupervisionNote(writer, { clientId: clientOfA.clientId, body: "Mine" }))).kind).toBe("not_found");
    }
  });

  it("is refused for a supervisor of another practice", async () => {
    const elsewhere = await createTherapist();
    const outsider = await member(elsewhere.scope.practiceId, "SUPERVISOR");
    await db.supervision.create({ data: { practiceId: elsewhere.scope.practiceId, supervisorId: outsider.id, clinicianId: elsewhere.user.id } });

    expect((await rejection(writeSupervisionNote(outsider, { clientId: clientOfA.clientId, body: "x" }))).kind).toBe("not_found");
    expect(await listSupervisionNotes(outsider, clientOfA.clientId)).toBeNull();
  });
});

describe("reading supervision notes", () => {
  it("the supervisor (may write), the primary clinician and the owner (read only) see them with author and date", async () => {
    await writeSupervisionNote(supervisor, { clientId: clientOfA.clientId, body: "A later note" }, new Date(NOW.getTime() + 60_000));

    const forSupervisor = await listSupervisionNotes(supervisor, clientOfA.clientId);
    expect(forSupervisor?.canWrite).toBe(true);
    expect(forSupervisor?.notes).toContainEqual(expect.objectContaining({ body: "A later note", authorName: "Dr supervisor" }));
    // Newest first.
    const dates = forSupervisor!.notes.map((note) => note.createdAt.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    for (const reader of [clinicianA, owner]) {
      const notes = await listSupervisionNotes(reader, clientOfA.clientId);
      expect(notes?.canWrite).toBe(false);
      expect(notes?.notes.map((note) => note.body)).toContain("Explore the pattern of checking.");
    }
  });

  it("clinician B (a colleague without the client) gets nothing, nor does the supervisor on B's client", async () => {
    expect(await listSupervisionNotes(clinicianB, clientOfA.clientId)).toBeNull();
    expect(await listSupervisionNotes(supervisor, clientOfB.clientId)).toBeNull();
  });
});

describe("the note action", () => {
  it("saves for the supervisor and puts bad text next to the field", async () => {
    await signInAs(supervisor, "THERAPIST");
    const before = await db.supervisionNote.count({ where: { clientId: clientOfA.clientId } });

    const saved = await writeSupervisionNoteAction(null, formDataOf({ clientId: clientOfA.clientId, body: "Through the form" }));
    const nul = await writeSupervisionNoteAction(null, formDataOf({ clientId: clientOfA.clientId, body: "a\u0000b" }));
    const elsewhere = await writeSupervisionNoteAction(null, formDataOf({ clientId: clientOfB.clientId, body: "Not mine" }));

    expect(saved).toMatchObject({ ok: true });
    expect(nul).toMatchObject({ ok: false, fieldErrors: { body: ["Remove the invisible control characters from this field."] } });
    expect(elsewhere).toMatchObject({ ok: false });
    expect(await db.supervisionNote.count({ where: { clientId: clientOfA.clientId } })).toBe(before + 1);
    expect(await db.supervisionNote.count({ where: { clientId: clientOfB.clientId } })).toBe(0);
  });

  it("refuses the client's own clinician (not a supervisor) and sends a client home", async () => {
    const before = await db.supervisionNote.count();
    await signInAs(clinicianA, "THERAPIST");
    expect(await writeSupervisionNoteAction(null, formDataOf({ clientId: clientOfA.clientId, body: "x" }))).toMatchObject({ ok: false });

    request.cookies.clear();
    const clientUser = await db.user.findUniqueOrThrow({ where: { id: clientOfA.userId } });
    await signInAs(clientUser, "CLIENT");
    const outcome = await writeSupervisionNoteAction(null, formDataOf({ clientId: clientOfA.clientId, body: "x" })).then(
      () => "answered",
      (error: { digest?: string }) => error.digest ?? "threw",
    );
    expect(outcome).toMatch(/^NEXT_REDIRECT;.*;\/portal;/);
    expect(await db.supervisionNote.count()).toBe(before);
  });
});
