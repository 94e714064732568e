// Attacks on couples sharing (lib/couples/, lib/clients/link-partners.ts), by
// the likeliest attackers: a linked partner (who may also be a client of the
// practice), a client of another clinician of the same practice, a client of
// another practice, and the staff reading a colleague's client. Each test is
// an attack the app must hold against; all run against the real database and
// the real Server Action wrapper. (The share-vs-unlink race is a known hole,
// reported to the lead with its test; it joins this file with the fix.)
import { encode } from "next-auth/jwt";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { linkPartners, unlinkPartner } from "@/lib/clients/link-partners";
import { archiveClient } from "@/lib/clients/archive-client";
import type { TherapistScope } from "@/lib/clients/scope";
import { db } from "@/lib/db";
import { NOT_FOUND_MESSAGE } from "@/lib/errors";
import { submitEntry } from "@/lib/homework/submit-entry";
import { saveDraft } from "@/lib/homework/save-draft";
import { setEntrySharing, NO_PARTNER_MESSAGE } from "@/lib/couples/share-entry";
import { setEntrySharingAction } from "@/lib/couples/actions";
import { SAFETY_ENTRY_MESSAGE } from "@/lib/couples/shareable";
import { findLinkedPartner } from "@/lib/couples/linked-partner";
import { getEntrySharedWithMe, isEntrySharedWithMe, listEntriesSharedWithMe, listSharedEntriesOfClient } from "@/lib/couples/shared-entries";
import { clientReadScope } from "@/lib/practice/access";
import { handOverClient } from "@/lib/practice/handover";
import { createCustomTemplate } from "@/lib/templates/save-template";
import { createAuthSession } from "@/lib/sessions/create-session";
import { todayIn } from "@/lib/dates/local-date";
import type { TherapistIdentity } from "@/lib/auth/session";
import { assign, createClientIn, rejection } from "@/tests/support/homework-fixtures";
import { createTherapist } from "@/tests/support/integration-fixtures";
import { addColleague, BASE, ownerOf } from "@/tests/support/practice-fixtures";

// ------------------------------------------------------------ request mocks
// As tests/integration/action-wrapper.test.ts: a real session cookie, read
// through the real lib/auth/session.ts.
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

async function signInAsClient(userId: string) {
  const { email } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  const session = await createAuthSession({ userId, userAgent: "vitest", address: "203.0.113.9" });
  const cookie = await encode({
    token: { sub: userId, email, uid: userId, role: "CLIENT", sid: session.id, sxp: Math.floor(session.expiresAt.getTime() / 1000) },
    secret: process.env.AUTH_SECRET!,
    salt: COOKIE,
    maxAge: 12 * 60 * 60,
  });
  request.cookies.set(COOKIE, cookie);
}

function form(values: Record<string, string | string[] | Blob>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) {
    if (Array.isArray(value)) for (const item of value) data.append(key, item);
    else data.append(key, value);
  }
  return data;
}

// ------------------------------------------------------------------ fixtures
const ZONE = "Europe/London";
const NOW = new Date();
const PRIVATE_TEXT = "PRIVATE-only-for-me-7f3a";
const SHARED_TEXT = "We cooked together.";

let therapist: TherapistScope;
let otherPractice: TherapistScope;
let reflectionId: string;
let safetyTemplateId: string;

beforeAll(async () => {
  therapist = (await createTherapist()).scope;
  otherPractice = (await createTherapist()).scope;
  const base = { purpose: "A few minutes to put the day into words.", kind: "journal" as const, estimatedMinutes: 5, allowsMultiplePerDay: false };
  reflectionId = await reflectionTemplateOf(therapist);
  safetyTemplateId = (
    await createCustomTemplate(therapist, {
      ...base,
      title: "Feeling safe",
      fields: [
        { type: "long_text", key: "notes", label: "Anything to add?", required: false },
        { type: "yes_partly_no", key: "felt_unsafe", label: "Did you feel unsafe with your partner?", safety: { whenAnswerIn: ["yes"] } },
      ],
    })
  ).templateId;
});

const BASE_TEMPLATE = { purpose: "A few minutes to put the day into words.", kind: "journal" as const, estimatedMinutes: 5, allowsMultiplePerDay: false };
const reflectionTemplates = new Map<string, string>();

/** The reflection exercise (a private-allowed question in the middle) in this clinician's library. */
async function reflectionTemplateOf(scope: TherapistScope): Promise<string> {
  const known = reflectionTemplates.get(scope.therapistId);
  if (known) return known;
  const { templateId } = await createCustomTemplate(scope, {
    ...BASE_TEMPLATE,
    title: "Evening reflection",
    fields: [
      { type: "long_text", key: "what_happened", label: "What happened?" },
      { type: "long_text", key: "just_for_me", label: "Secret question label", privateAllowed: true, required: false },
      { type: "scale", key: "closeness", label: "How close did you feel?", minLabel: "Far apart", maxLabel: "Very close" },
    ],
  });
  reflectionTemplates.set(scope.therapistId, templateId);
  return templateId;
}

type Person = Awaited<ReturnType<typeof createClientIn>>;

async function couple(scope: TherapistScope = therapist) {
  const author = await createClientIn(scope, ZONE, "Robin Okoro");
  const partner = await createClientIn(scope, ZONE, "Kai Mensah");
  await linkPartners(scope, author.clientId, partner.clientId);
  return { author, partner };
}

async function assignTo(scope: TherapistScope, templateId: string, client: Person) {
  const [assignmentId] = await assign(
    scope,
    { templateId, clientIds: [client.clientId], scheduleType: "ONCE", startDate: todayIn(ZONE, NOW), dueDate: todayIn(ZONE, NOW) },
    NOW,
  );
  return assignmentId!;
}

async function submitReflection(client: Person, scope: TherapistScope = therapist) {
  const assignmentId = await assignTo(scope, await reflectionTemplateOf(scope), client);
  const { submissionId } = await submitEntry(client.scope, {
    assignmentId,
    entryKey: todayIn(ZONE, NOW),
    answers: { what_happened: SHARED_TEXT, just_for_me: PRIVATE_TEXT, closeness: 7 },
    privateKeys: ["just_for_me"],
    baseVersion: 0,
  });
  return submissionId;
}

async function submitSafety(client: Person, answer: "yes" | "no") {
  const assignmentId = await assignTo(therapist, safetyTemplateId, client);
  const { submissionId } = await submitEntry(client.scope, {
    assignmentId,
    entryKey: todayIn(ZONE, NOW),
    answers: { felt_unsafe: answer, notes: "Nothing else." },
    privateKeys: [],
    baseVersion: 0,
  });
  return submissionId;
}

const sharedAt = async (submissionId: string) => (await db.submission.findUniqueOrThrow({ where: { id: submissionId } })).sharedWithPartnerAt;

/** The partner may neither list nor open nor pass the layout check for this entry. */
async function expectClosedTo(reader: Person, submissionId: string) {
  expect((await listEntriesSharedWithMe(reader.scope)).entries.map((entry) => entry.id)).not.toContain(submissionId);
  const error = await rejection(getEntrySharedWithMe(reader.scope, submissionId));
  expect([error.kind, error.message]).toEqual(["not_found", NOT_FOUND_MESSAGE]);
  expect(await isEntrySharedWithMe(reader.clientId, reader.scope.practiceId, submissionId)).toBe(false);
}

function identityOf(scope: TherapistScope, practiceRole: TherapistIdentity["practiceRole"]): TherapistIdentity {
  return { userId: scope.therapistId, practiceId: scope.practiceId, practiceRole } as TherapistIdentity;
}

// ------------------------------------------------------------------- attacks

describe("a partner reading what was not shared with them", () => {
  it("never gets private answers, their question, or their text, from the list or the entry", async () => {
    const { author, partner } = await couple();
    const submissionId = await submitReflection(author);
    await setEntrySharing(author.scope, { submissionId, share: true });

    const listed = await listEntriesSharedWithMe(partner.scope);
    const entry = await getEntrySharedWithMe(partner.scope, submissionId);

    expect(entry.answers).toEqual({ what_happened: SHARED_TEXT, closeness: 7 });
    for (const payload of [JSON.stringify(listed), JSON.stringify(entry)]) {
      expect(payload).not.toContain(PRIVATE_TEXT);
      expect(payload).not.toContain("Secret question label");
      expect(payload).not.toContain("just_for_me");
      // Nothing about the author beyond their first name.
      expect(payload).not.toContain("Okoro");
    }
  });

  it("a draft, or a withdrawn entry, stays closed, even with the column set behind the app's back for the draft", async () => {
    const { author, partner } = await couple();
    const assignmentId = await assignTo(therapist, reflectionId, author);
    await saveDraft(author.scope, { assignmentId, entryKey: todayIn(ZONE, NOW), answers: { what_happened: "half typed" }, privateKeys: [], baseVersion: 0 });
    const draft = await db.submission.findFirstOrThrow({ where: { assignmentId }, select: { id: true } });

    // The author cannot share a draft…
    expect((await rejection(setEntrySharing(author.scope, { submissionId: draft.id, share: true }))).kind).toBe("not_found");
    // …and a draft marked shared anyway is not readable.
    await db.submission.update({ where: { id: draft.id }, data: { sharedWithPartnerAt: NOW } });
    await expectClosedTo(partner, draft.id);

    const submitted = await submitReflection(author);
    await setEntrySharing(author.scope, { submissionId: submitted, share: true });
    await setEntrySharing(author.scope, { submissionId: submitted, share: false });
    await expectClosedTo(partner, submitted);
  });

  it("not found reads the same for an id that does not exist, an unshared entry and someone else's", async () => {
    const { author, partner } = await couple();
    const unshared = await submitReflection(author);
    const stranger = await createClientIn(therapist, ZONE, "Sol");
    const strangers = await submitReflection(stranger);
    await setEntrySharing(author.scope, { submissionId: await submitReflection(author), share: true });

    const answers = await Promise.all(
      ["c00000000000000000000000000", unshared, strangers, "../../etc", ""].map(async (id) => {
        const error = await rejection(getEntrySharedWithMe(partner.scope, id));
        return [error.kind, error.message];
      }),
    );
    expect(new Set(answers.map((answer) => JSON.stringify(answer)))).toEqual(new Set([JSON.stringify(["not_found", NOT_FOUND_MESSAGE])]));
  });
});

describe("reading entries of someone who is not your linked partner", () => {
  it("a client of the same clinician, of a colleague, or of another practice reads nothing, even entries shared now", async () => {
    const owner = await createTherapist();
    const colleague = await addColleague(ownerOf(owner.scope));
    const { author, partner } = await couple(owner.scope);
    const submissionId = await submitReflection(author, owner.scope);
    await setEntrySharing(author.scope, { submissionId, share: true });

    const sameClinician = await createClientIn(owner.scope, ZONE, "Sol");
    const colleaguesClient = await createClientIn(colleague.scope, ZONE, "Ari");
    const elsewhere = await createClientIn(otherPractice, ZONE, "Noor");
    for (const reader of [sameClinician, colleaguesClient, elsewhere]) {
      expect(await listEntriesSharedWithMe(reader.scope)).toEqual({ partner: null, entries: [] });
      await expectClosedTo(reader, submissionId);
    }
    // A forged scope (the partner's client id with another practice) finds no partner either.
    expect(await findLinkedPartner({ clientId: partner.clientId, practiceId: otherPractice.practiceId })).toBeNull();
    // The author is not their own partner.
    await expectClosedTo(author, submissionId);
  });

  it("a one-sided link (only one record pointing at the other) opens nothing", async () => {
    const author = await createClientIn(therapist, ZONE, "Robin");
    const snoop = await createClientIn(therapist, ZONE, "Sol");
    const submissionId = await submitReflection(author);
    // Behind the app's back: only the snoop points at the author.
    await db.client.update({ where: { id: snoop.clientId }, data: { partnerId: author.clientId } });
    await db.submission.update({ where: { id: submissionId }, data: { sharedWithPartnerAt: NOW } });

    expect(await findLinkedPartner(snoop.scope)).toBeNull();
    await expectClosedTo(snoop, submissionId);
    await db.client.update({ where: { id: snoop.clientId }, data: { partnerId: null } });
  });
});

describe("sharing or withdrawing someone else's entry", () => {
  it("the partner, a stranger and another practice's client can neither share nor withdraw, and read not found", async () => {
    const { author, partner } = await couple();
    const stranger = await createClientIn(therapist, ZONE, "Sol");
    const elsewhere = await createClientIn(otherPractice, ZONE, "Ari");
    const sharedOne = await submitReflection(author);
    const unsharedOne = await submitReflection(author);
    await setEntrySharing(author.scope, { submissionId: sharedOne, share: true });
    const before = await db.auditEvent.count({ where: { subjectId: { in: [sharedOne, unsharedOne] } } });

    for (const caller of [partner, stranger, elsewhere]) {
      for (const [submissionId, share] of [
        [sharedOne, false],
        [unsharedOne, true],
      ] as const) {
        const error = await rejection(setEntrySharing(caller.scope, { submissionId, share }));
        expect([error.kind, error.message]).toEqual(["not_found", NOT_FOUND_MESSAGE]);
      }
    }
    expect(await sharedAt(sharedOne)).not.toBeNull();
    expect(await sharedAt(unsharedOne)).toBeNull();
    expect(await db.auditEvent.count({ where: { subjectId: { in: [sharedOne, unsharedOne] } } })).toBe(before);
  });

  it("the partner's try at the author's safety entry reads not found, not the safety message (no hint that it exists)", async () => {
    const { author, partner } = await couple();
    const safety = await submitSafety(author, "yes");
    const error = await rejection(setEntrySharing(partner.scope, { submissionId: safety, share: true }));
    expect([error.kind, error.message]).toEqual(["not_found", NOT_FOUND_MESSAGE]);
  });
});

describe("making a safety entry readable", () => {
  it("an entry on a template with a safety question is refused whatever the answer, and never readable", async () => {
    const { author, partner } = await couple();
    for (const answer of ["no", "yes"] as const) {
      const submissionId = await submitSafety(author, answer);
      expect((await rejection(setEntrySharing(author.scope, { submissionId, share: true }))).message).toBe(SAFETY_ENTRY_MESSAGE);
      expect(await sharedAt(submissionId)).toBeNull();
      await db.submission.update({ where: { id: submissionId }, data: { sharedWithPartnerAt: NOW } });
      await expectClosedTo(partner, submissionId);
      // The author can still withdraw it (so a bad row can be cleaned up from the portal).
      expect(await setEntrySharing(author.scope, { submissionId, share: false })).toEqual({ shared: false, changed: true });
    }
  });

  it("an entry that raised a safety concern is never readable, even if shared before the flag was set", async () => {
    const { author, partner } = await couple();
    const submissionId = await submitReflection(author);
    await setEntrySharing(author.scope, { submissionId, share: true });
    await db.submission.update({ where: { id: submissionId }, data: { safetyConcern: true } });
    await expectClosedTo(partner, submissionId);
    expect((await rejection(setEntrySharing(author.scope, { submissionId, share: true }))).message).toBe(SAFETY_ENTRY_MESSAGE);
  });
});

describe("keeping access after the couple ends", () => {
  it("archiving either partner closes every share; nothing is shared while one is archived", async () => {
    for (const archived of ["author", "partner"] as const) {
      const people = await couple();
      const submissionId = await submitReflection(people.author);
      await setEntrySharing(people.author.scope, { submissionId, share: true });

      await archiveClient(therapist, people[archived].clientId);

      await expectClosedTo(people.partner, submissionId);
      if (archived === "partner") {
        const second = await submitReflection(people.author);
        expect((await rejection(setEntrySharing(people.author.scope, { submissionId: second, share: true }))).message).toBe(NO_PARTNER_MESSAGE);
      }
    }
  });

  it("unlinking (from either side) and relinking the same couple does not bring old shares back, in either direction", async () => {
    const { author, partner } = await couple();
    const submissionId = await submitReflection(author);
    const partnersOwn = await submitReflection(partner);
    await setEntrySharing(author.scope, { submissionId, share: true });
    await setEntrySharing(partner.scope, { submissionId: partnersOwn, share: true });

    await unlinkPartner(therapist, partner.clientId); // from the other side
    await linkPartners(therapist, author.clientId, partner.clientId);

    expect(await sharedAt(submissionId)).toBeNull();
    expect(await sharedAt(partnersOwn)).toBeNull();
    await expectClosedTo(partner, submissionId);
    await expectClosedTo(author, partnersOwn);
  });

  it("a colleague cannot unlink (or otherwise touch) the couple; the shares stay as the author set them", async () => {
    const owner = await createTherapist();
    const colleague = await addColleague(ownerOf(owner.scope));
    const { author, partner } = await couple(owner.scope);
    const submissionId = await submitReflection(author, owner.scope);
    await setEntrySharing(author.scope, { submissionId, share: true });

    expect((await rejection(unlinkPartner(colleague.scope, author.clientId))).kind).toBe("not_found");
    expect((await rejection(unlinkPartner(otherPractice, author.clientId))).kind).toBe("not_found");
    expect((await getEntrySharedWithMe(partner.scope, submissionId)).id).toBe(submissionId);
  });

  it("after a handover the couple moves together: the new clinician sees the shares, the old one no longer", async () => {
    const owner = await createTherapist();
    const first = await addColleague(ownerOf(owner.scope));
    const second = await addColleague(ownerOf(owner.scope));
    const { author, partner } = await couple(first.scope);
    const submissionId = await submitReflection(author, first.scope);
    await setEntrySharing(author.scope, { submissionId, share: true });

    await handOverClient(ownerOf(owner.scope), { clientId: partner.clientId, toClinicianId: second.user.id }, { base: BASE });

    expect((await db.client.findUniqueOrThrow({ where: { id: author.clientId } })).therapistId).toBe(second.user.id);
    expect(await listSharedEntriesOfClient(first.scope, author.clientId)).toEqual([]);
    expect((await listSharedEntriesOfClient(second.scope, author.clientId)).map((row) => row.id)).toEqual([submissionId]);
    // The old clinician can no longer unlink them; the new one can, and that ends the share.
    expect((await rejection(unlinkPartner(first.scope, author.clientId))).kind).toBe("not_found");
    await unlinkPartner(second.scope, author.clientId);
    await expectClosedTo(partner, submissionId);
  });
});

describe("the therapist's side: listSharedEntriesOfClient and the client page", () => {
  it("a colleague, another practice and a supervisor of someone else see nothing; the owner reads it read-only, titles only", async () => {
    const owner = await createTherapist();
    const clinician = await addColleague(ownerOf(owner.scope));
    const colleague = await addColleague(ownerOf(owner.scope));
    const supervisor = await addColleague(ownerOf(owner.scope), "SUPERVISOR");
    const { author } = await couple(clinician.scope);
    const submissionId = await submitReflection(author, clinician.scope);
    await setEntrySharing(author.scope, { submissionId, share: true });

    // The data function is scoped by the clinician in the scope it is given.
    expect(await listSharedEntriesOfClient(colleague.scope, author.clientId)).toEqual([]);
    expect(await listSharedEntriesOfClient(owner.scope, author.clientId)).toEqual([]);
    expect(await listSharedEntriesOfClient(otherPractice, author.clientId)).toEqual([]);
    expect(await listSharedEntriesOfClient({ ...clinician.scope, practiceId: otherPractice.practiceId }, author.clientId)).toEqual([]);
    expect(await listSharedEntriesOfClient(clinician.scope, "c\u0000x")).toEqual([]);
    expect(await listSharedEntriesOfClient(clinician.scope, "x".repeat(10_000))).toEqual([]);

    // The client page builds its scope with clientReadScope: a colleague and an
    // unrelated supervisor never get one; the owner gets a read-only one.
    expect((await rejection(clientReadScope(identityOf(colleague.scope, "CLINICIAN"), author.clientId))).kind).toBe("not_found");
    expect((await rejection(clientReadScope(identityOf(supervisor.scope, "SUPERVISOR"), author.clientId))).kind).toBe("not_found");
    expect((await rejection(clientReadScope(identityOf(otherPractice, "OWNER"), author.clientId))).kind).toBe("not_found");
    const ownersView = await clientReadScope(identityOf(owner.scope, "OWNER"), author.clientId);
    expect(ownersView.readOnly).toBe(true);
    // Only titles and dates: nothing of the answers.
    const rows = await listSharedEntriesOfClient(ownersView, author.clientId);
    expect(rows.map((row) => row.id)).toEqual([submissionId]);
    expect(JSON.stringify(rows)).not.toContain(SHARED_TEXT);
    expect(JSON.stringify(rows)).not.toContain(PRIVATE_TEXT);
  });
});

describe("the audit trail", () => {
  it("share, look and withdrawal carry ids only: no names, no titles, no answer text in metadata", async () => {
    const { author, partner } = await couple();
    const submissionId = await submitReflection(author);
    await setEntrySharing(author.scope, { submissionId, share: true });
    await getEntrySharedWithMe(partner.scope, submissionId);
    await setEntrySharing(author.scope, { submissionId, share: false });

    const rows = await db.auditEvent.findMany({ where: { subjectId: submissionId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(rows.map((row) => [row.action, row.clientId])).toEqual([
      ["entry.shared_with_partner", author.clientId],
      ["entry.partner_viewed", author.clientId],
      ["entry.sharing_withdrawn", author.clientId],
    ]);
    expect(rows[0]!.metadata).toEqual({ partnerClientId: partner.clientId });
    const text = JSON.stringify(rows);
    for (const secret of ["Robin", "Okoro", "Kai", "Mensah", "Evening reflection", SHARED_TEXT, PRIVATE_TEXT]) expect(text).not.toContain(secret);
  });
});

describe("bad input through the real Server Action", () => {
  it("NUL bytes, 10 MB, repeated keys, files and junk are field errors or unreadable, nothing changes, nothing throws", async () => {
    const { author } = await couple();
    const submissionId = await submitReflection(author);
    await signInAsClient(author.userId);
    const before = await db.auditEvent.count({ where: { subjectId: submissionId } });

    const bad: FormData[] = [
      form({ submissionId: `${submissionId}\u0000`, share: "yes" }),
      form({ submissionId: "\u0000", share: "yes" }),
      form({ submissionId: "x".repeat(10 * 1024 * 1024), share: "yes" }),
      form({ submissionId, share: "yes\u0000" }),
      form({ submissionId, share: "y".repeat(10 * 1024 * 1024) }),
      form({ submissionId, share: "true" }),
      form({ submissionId }),
      form({ share: "yes" }),
      form({ submissionId: new Blob([submissionId]), share: "yes" }),
      form({ submissionId: [submissionId, "\u0000"], share: "yes" }),
      form({ submissionId: [submissionId, submissionId], share: ["yes", "maybe"] }),
      form({ "submissionId[]": submissionId, share: "yes" }),
    ];
    for (const data of bad) {
      const result = await setEntrySharingAction({ ok: false, message: "", fieldErrors: {} } as never, data);
      expect(result.ok).toBe(false);
      expect(JSON.stringify(result)).not.toMatch(/prisma|postgres|stack|at \w+ \(/i);
    }
    for (const junk of [null, undefined, [], {}, "submissionId=x", { submissionId, share: "yes" }]) {
      const result = await setEntrySharingAction(null as never, junk as never);
      expect(result.ok).toBe(false);
    }
    expect(await sharedAt(submissionId)).toBeNull();
    expect(await db.auditEvent.count({ where: { subjectId: submissionId } })).toBe(before);

    // And the real thing works through the same path.
    const shared = await setEntrySharingAction(null as never, form({ submissionId, share: "yes" }));
    expect(shared).toMatchObject({ ok: true, shared: true });
  });

  it("the partner's session posting the author's id gets the same not found as a made-up id", async () => {
    const { author, partner } = await couple();
    const submissionId = await submitReflection(author);
    await signInAsClient(partner.userId);

    const theirs = await setEntrySharingAction(null as never, form({ submissionId, share: "yes" }));
    const madeUp = await setEntrySharingAction(null as never, form({ submissionId: "c00000000000000000000000000", share: "yes" }));
    expect(theirs).toEqual(madeUp);
    expect(theirs).toMatchObject({ ok: false, message: NOT_FOUND_MESSAGE });
    expect(await sharedAt(submissionId)).toBeNull();
  });
});

// Share racing an unlink: the share must either happen before the unlink (and
// be cleared by it) or be refused; never land on an unlinked couple.
describe("racing share against unlink", () => {
  async function lockWaiters(count: number) {
    for (let attempt = 0; attempt < 300; attempt++) {
      const [row] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted`;
      if ((row?.n ?? 0) >= count) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error("nobody waited for the lock");
  }

  it("a share made while an unlink is under way does not survive it", async () => {
    const { author } = await couple();
    const earlier = await submitReflection(author);
    const entry = await submitReflection(author);
    await setEntrySharing(author.scope, { submissionId: earlier, share: true });
    let unlinking: Promise<void> | undefined;
    let sharing: Promise<unknown> | undefined;
    await db.$transaction(
      async (tx) => {
        // Holds a shared row: the unlink stops after unlinking both clients, before commit.
        await tx.$queryRaw`SELECT "id" FROM "Submission" WHERE "id" = ${earlier} FOR UPDATE`;
        unlinking = unlinkPartner(therapist, author.clientId);
        await lockWaiters(1);
        sharing = setEntrySharing(author.scope, { submissionId: entry, share: true }).catch(() => undefined);
        // The share either finishes now (too early for the lock) or waits behind the unlink.
        await Promise.race([sharing, new Promise((resolve) => setTimeout(resolve, 500))]);
      },
      { timeout: 15_000 },
    );
    await unlinking;
    await sharing;
    expect(await findLinkedPartner(author.scope)).toBeNull();
    const next = await createClientIn(therapist, ZONE, "Noa");
    await linkPartners(therapist, author.clientId, next.clientId);
    expect((await listEntriesSharedWithMe(next.scope)).entries.map((row) => row.id)).toEqual([]);
    await expectClosedTo(next, entry);
    expect(await sharedAt(entry)).toBeNull();
  });

  it("a share held up on the entry's row while an unlink queues behind it is cleared by the unlink", async () => {
    const { author } = await couple();
    const entry = await submitReflection(author);
    let sharing: Promise<unknown> | undefined;
    let unlinking: Promise<unknown> | undefined;
    await db.$transaction(
      async (tx) => {
        // Something else holds the entry's row (a save, a trigger): the share
        // has checked the link and waits here…
        await tx.$queryRaw`SELECT "id" FROM "Submission" WHERE "id" = ${entry} FOR UPDATE`;
        sharing = setEntrySharing(author.scope, { submissionId: entry, share: true }).catch((error: unknown) => error);
        await lockWaiters(1);
        // …and the therapist unlinks the couple meanwhile.
        unlinking = unlinkPartner(therapist, author.clientId);
        await lockWaiters(2);
      },
      { timeout: 15_000 },
    );
    await Promise.all([sharing, unlinking]);
    expect(await findLinkedPartner(author.scope)).toBeNull();
    expect(await sharedAt(entry)).toBeNull();
  });
});
