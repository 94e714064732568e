// Replies: a client answers their clinician's feedback on their OWN entry;
// the clinician sees them in the review inbox, and only the client's primary
// clinician's look marks them read. Against the real database, and through
// the real action (cookie session) for what the form shows.
import { encode } from "next-auth/jwt";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import type { TherapistScope } from "@/lib/clients/scope";
import { db } from "@/lib/db";
import { submitEntry } from "@/lib/homework/submit-entry";
import { replyToFeedbackAction } from "@/lib/replies/actions";
import { countUnreadReplies, listOwnReplies, readReplyThreads, unreadRepliesBySubmission } from "@/lib/replies/list-replies";
import { writeReply } from "@/lib/replies/write-reply";
import { giveFeedback } from "@/lib/review/give-feedback";
import { listInbox } from "@/lib/review/list-inbox";
import { createAuthSession } from "@/lib/sessions/create-session";
import { assignBuiltIn, createClientIn, microPromiseAnswers, rejection } from "@/tests/support/homework-fixtures";
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

async function signInAs(userId: string, email: string, role: "THERAPIST" | "CLIENT") {
  const session = await createAuthSession({ userId, userAgent: "vitest", address: "203.0.113.9" });
  const cookie = await encode({
    token: { sub: userId, email, uid: userId, role, sid: session.id, sxp: Math.floor(session.expiresAt.getTime() / 1000) },
    secret: process.env.AUTH_SECRET!,
    salt: COOKIE,
    maxAge: 12 * 60 * 60,
  });
  request.cookies.set(COOKIE, cookie);
}

const ZONE = "Europe/London";
const DAY = "2026-03-02";
const NOW = new Date("2026-03-02T20:00:00Z");

let clinician: TherapistScope;
let client: Awaited<ReturnType<typeof createClientIn>>;
let other: Awaited<ReturnType<typeof createClientIn>>;

/** A submitted entry of `who` with one piece of feedback; returns both ids. */
async function entryWithFeedback(who: typeof client, body = "Thank you for writing this.") {
  const assignmentId = await assignBuiltIn(clinician, "micro-promises", who.clientId, { scheduleType: "DAILY", startDate: DAY }, NOW);
  const submission = await submitEntry(who.scope, { assignmentId, entryKey: DAY, answers: microPromiseAnswers(), privateKeys: [], baseVersion: 0 }, NOW);
  await giveFeedback(clinician, { submissionId: submission.submissionId, body }, NOW);
  const feedback = await db.feedback.findFirstOrThrow({ where: { submissionId: submission.submissionId }, select: { id: true } });
  return { submissionId: submission.submissionId, feedbackId: feedback.id };
}

/** A colleague in the clinician's practice (owner or supervisor). */
async function colleague(practiceRole: "OWNER" | "SUPERVISOR" | "CLINICIAN") {
  const user = await db.user.create({
    data: {
      email: uniqueEmail(practiceRole.toLowerCase()),
      passwordHash: await hashPassword("correct horse battery staple"),
      role: "THERAPIST",
      practiceRole,
      name: `A ${practiceRole.toLowerCase()}`,
      timeZone: ZONE,
      practiceId: clinician.practiceId,
    },
  });
  if (practiceRole === "SUPERVISOR") {
    await db.supervision.create({ data: { practiceId: clinician.practiceId, supervisorId: user.id, clinicianId: clinician.therapistId } });
  }
  return user;
}

beforeAll(async () => {
  clinician = (await createTherapist()).scope;
  client = await createClientIn(clinician, ZONE, "Reply Client");
  other = await createClientIn(clinician, ZONE, "Other Client");
});

beforeEach(() => request.cookies.clear());

describe("a client's reply to feedback", () => {
  it("is stored on their own entry's feedback and shown back to them, audited", async () => {
    const { submissionId, feedbackId } = await entryWithFeedback(client);

    const reply = await writeReply(client.scope, { feedbackId, body: "It helped to write it down." }, NOW);

    expect(reply).toMatchObject({ submissionId, duplicate: false });
    const threads = await listOwnReplies(client.scope, submissionId);
    expect(threads[feedbackId]?.map((item) => item.body)).toEqual(["It helped to write it down."]);
    const stored = await db.feedbackReply.findUniqueOrThrow({ where: { id: reply.id } });
    expect(stored).toMatchObject({ clientId: client.clientId, practiceId: clinician.practiceId, readAt: null });
    const events = await db.auditEvent.findMany({ where: { subjectId: reply.id } });
    expect(events.map((event) => [event.action, event.actorId, event.clientId])).toEqual([["feedback_reply.written", client.userId, client.clientId]]);
  });

  it("to someone else's feedback reads as not found and stores nothing", async () => {
    const theirs = await entryWithFeedback(other);

    const error = await rejection(writeReply(client.scope, { feedbackId: theirs.feedbackId, body: "Not mine" }, NOW));

    expect(error.kind).toBe("not_found");
    expect(await db.feedbackReply.count({ where: { feedbackId: theirs.feedbackId } })).toBe(0);
    expect(await listOwnReplies(client.scope, theirs.submissionId)).toEqual({});
  });

  it("sent ten times at once with the same text is stored once", async () => {
    const { feedbackId } = await entryWithFeedback(client);

    const results = await Promise.all(
      Array.from({ length: 10 }, () => writeReply(client.scope, { feedbackId, body: "Sent with a double tap" }, NOW)),
    );

    expect(await db.feedbackReply.count({ where: { feedbackId } })).toBe(1);
    expect(new Set(results.map((result) => result.id)).size).toBe(1);
    expect(results.filter((result) => !result.duplicate)).toHaveLength(1);
  });

  it("with different text, or the same text much later, is a new reply", async () => {
    const { feedbackId } = await entryWithFeedback(client);

    await writeReply(client.scope, { feedbackId, body: "Okay" }, NOW);
    await writeReply(client.scope, { feedbackId, body: "One more thought" }, NOW);
    await writeReply(client.scope, { feedbackId, body: "Okay" }, new Date(NOW.getTime() + 60 * 60 * 1000));

    expect(await db.feedbackReply.count({ where: { feedbackId } })).toBe(3);
  });
});

describe("the reply action (what the form shows)", () => {
  it("answers ok for the signed-in client, and ten parallel identical posts make one reply", async () => {
    const { feedbackId } = await entryWithFeedback(client);
    await signInAs(client.userId, (await db.user.findUniqueOrThrow({ where: { id: client.userId } })).email, "CLIENT");

    const results = await Promise.all(
      Array.from({ length: 10 }, () => replyToFeedbackAction(null, formDataOf({ feedbackId, body: "Thank you, that helps" }))),
    );

    expect(results.every((result) => result.ok)).toBe(true);
    expect(await db.feedbackReply.count({ where: { feedbackId } })).toBe(1);
  });

  it("puts a NUL byte, an empty reply or an oversize one next to the field, storing nothing", async () => {
    const { feedbackId } = await entryWithFeedback(client);
    await signInAs(client.userId, (await db.user.findUniqueOrThrow({ where: { id: client.userId } })).email, "CLIENT");

    const nul = await replyToFeedbackAction(null, formDataOf({ feedbackId, body: "before\u0000after" }));
    const empty = await replyToFeedbackAction(null, formDataOf({ feedbackId, body: "   " }));
    const long = await replyToFeedbackAction(null, formDataOf({ feedbackId, body: "x".repeat(2001) }));

    expect(nul).toMatchObject({ ok: false, fieldErrors: { body: ["Remove the invisible control characters from this field."] } });
    expect(empty).toMatchObject({ ok: false, fieldErrors: { body: ["Write a few words before sending."] } });
    expect(long).toMatchObject({ ok: false, fieldErrors: { body: ["Please keep your reply under 2,000 characters."] } });
    // What was typed comes back so the form keeps it.
    expect(long.ok ? null : long.values?.body).toHaveLength(2001);
    expect(await db.feedbackReply.count({ where: { feedbackId } })).toBe(0);
  });

  it("answers not found for another client's feedback", async () => {
    const theirs = await entryWithFeedback(other);
    await signInAs(client.userId, (await db.user.findUniqueOrThrow({ where: { id: client.userId } })).email, "CLIENT");

    const result = await replyToFeedbackAction(null, formDataOf({ feedbackId: theirs.feedbackId, body: "Hello" }));

    expect(result).toMatchObject({ ok: false });
    expect(result.ok ? "" : result.message).toMatch(/couldn't find/);
    expect(await db.feedbackReply.count({ where: { feedbackId: theirs.feedbackId } })).toBe(0);
  });

  it("refuses a therapist (sent to their own home, nothing stored)", async () => {
    const { feedbackId } = await entryWithFeedback(client);
    const therapist = await db.user.findUniqueOrThrow({ where: { id: clinician.therapistId } });
    await signInAs(therapist.id, therapist.email, "THERAPIST");

    const outcome = await replyToFeedbackAction(null, formDataOf({ feedbackId, body: "Hello" })).then(
      () => "answered",
      (error: { digest?: string }) => error.digest ?? "threw",
    );

    expect(outcome).toMatch(/^NEXT_REDIRECT;.*;\/dashboard;/);
    expect(await db.feedbackReply.count({ where: { feedbackId } })).toBe(0);
  });
});

describe("the clinician's side", () => {
  it("counts unread replies in the inbox, marks the entry, and only the primary clinician's look marks them read", async () => {
    const fresh = await createTherapist();
    clinician = fresh.scope;
    const person = await createClientIn(clinician, ZONE, "Inbox Client");
    const { submissionId, feedbackId } = await entryWithFeedback(person);
    await writeReply(person.scope, { feedbackId, body: "First" }, NOW);
    await writeReply(person.scope, { feedbackId, body: "Second" }, new Date(NOW.getTime() + 1000));

    expect(await countUnreadReplies(clinician)).toBe(2);
    expect((await unreadRepliesBySubmission(clinician, [submissionId])).get(submissionId)).toBe(2);
    const [row] = await listInbox(clinician, { show: "all" });
    expect(row).toMatchObject({ id: submissionId, unreadReplies: 2 });
    expect((await listInbox(clinician, { show: "replies" })).map((item) => item.id)).toEqual([submissionId]);

    // The owner and a supervisor read the thread (with the clinician's scope, as clientReadScope gives it): nothing is marked.
    const owner = await colleague("OWNER");
    const supervisor = await colleague("SUPERVISOR");
    for (const reader of [owner, supervisor]) {
      const threads = await readReplyThreads({ ...clinician, actorId: reader.id }, submissionId);
      expect(threads[feedbackId]?.map((reply) => reply.body)).toEqual(["First", "Second"]);
    }
    expect(await db.feedbackReply.count({ where: { feedbackId, readAt: null } })).toBe(2);

    // Another clinician's scope finds nothing and marks nothing.
    const stranger = (await createTherapist()).scope;
    expect(await readReplyThreads({ ...stranger, actorId: stranger.therapistId }, submissionId)).toEqual({});
    expect(await countUnreadReplies(stranger)).toBe(0);

    // The primary clinician's look returns them as they were (unread, so the page marks them new), then marks them read.
    const seen = await readReplyThreads({ ...clinician, actorId: clinician.therapistId }, submissionId, NOW);
    expect(seen[feedbackId]?.every((reply) => reply.readAt === null)).toBe(true);
    expect(await db.feedbackReply.count({ where: { feedbackId, readAt: NOW } })).toBe(2);
    expect(await countUnreadReplies(clinician)).toBe(0);
    expect(await listInbox(clinician, { show: "replies" })).toEqual([]);
    expect((await listInbox(clinician, { show: "all" }))[0]).toMatchObject({ unreadReplies: 0 });
  });
});
