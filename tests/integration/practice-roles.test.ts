// Who reads and who changes a client's record in a practice of several
// people (lib/practice/access.ts): the owner reads everyone's clients, a
// supervisor only the clients of the clinicians they supervise, a clinician
// only their own; only the client's own clinician changes anything; another
// practice reads nothing. Checked in the data layer and through the action
// wrapper, against a real database.
import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { TherapistIdentity } from "@/lib/auth/session";
import { hashPassword } from "@/lib/auth/password";
import { getCaseload } from "@/lib/caseload/get-caseload";
import type { TherapistScope } from "@/lib/clients/scope";
import { db } from "@/lib/db";
import { clientReadScope, readableClinicianIds, READ_ONLY_MESSAGE, submissionReadScope } from "@/lib/practice/access";
import { createAuthSession } from "@/lib/sessions/create-session";
import { createActiveClient, createTherapist, uniqueEmail } from "@/tests/support/integration-fixtures";
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
      cookie: [...request.cookies].map(([name, value]) => `${name}=${value}`).join("; "),
    }),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), after: () => undefined }));

beforeEach(() => request.cookies.clear());

type Member = { identity: TherapistIdentity; scope: TherapistScope };

async function addMember(practiceId: string, practiceRole: "CLINICIAN" | "SUPERVISOR", name: string): Promise<Member> {
  const email = uniqueEmail(practiceRole.toLowerCase());
  const user = await db.user.create({
    data: { email, name, timeZone: "Europe/London", role: "THERAPIST", practiceRole, passwordHash: await hashPassword(randomUUID()), practiceId },
  });
  return memberOf(user.id, practiceId, practiceRole, name, email);
}

function memberOf(userId: string, practiceId: string, practiceRole: TherapistIdentity["practiceRole"], name: string, email: string): Member {
  return {
    identity: { role: "THERAPIST", practiceRole, userId, sessionId: "test", practiceId, name, email, timeZone: "Europe/London" },
    scope: { therapistId: userId, practiceId },
  };
}

async function signInAs(member: Member) {
  const session = await createAuthSession({ userId: member.identity.userId, userAgent: "vitest", address: "203.0.113.9" });
  const token = { sub: member.identity.userId, uid: member.identity.userId, role: "THERAPIST", sid: session.id, sxp: Math.floor(session.expiresAt.getTime() / 1000) };
  request.cookies.set(COOKIE, await encode({ token, secret: process.env.AUTH_SECRET!, salt: COOKIE, maxAge: 3600 }));
}

let owner: Member;
let clinicianA: Member;
let clinicianB: Member;
let supervisorOfA: Member;
let stranger: Member;
let clientOfA: string;
let clientOfB: string;
let entryOfB: string;

beforeAll(async () => {
  const founder = await createTherapist();
  owner = memberOf(founder.user.id, founder.user.practiceId, "OWNER", "Dr Test Therapist", founder.email);
  clinicianA = await addMember(founder.user.practiceId, "CLINICIAN", "Dr A");
  clinicianB = await addMember(founder.user.practiceId, "CLINICIAN", "Dr B");
  supervisorOfA = await addMember(founder.user.practiceId, "SUPERVISOR", "Dr S");
  await db.supervision.create({
    data: { practiceId: founder.user.practiceId, supervisorId: supervisorOfA.identity.userId, clinicianId: clinicianA.identity.userId },
  });
  const elsewhere = await createTherapist();
  stranger = memberOf(elsewhere.user.id, elsewhere.user.practiceId, "OWNER", "Dr Elsewhere", elsewhere.email);

  clientOfA = (await createActiveClient(clinicianA.scope)).client.id;
  clientOfB = (await createActiveClient(clinicianB.scope)).client.id;
  const assignment = await db.assignment.create({
    data: {
      practiceId: clinicianB.scope.practiceId,
      therapistId: clinicianB.scope.therapistId,
      clientId: clientOfB,
      templateId: (await db.exerciseTemplate.findFirstOrThrow({ where: { slug: { not: null } } })).id,
      templateVersionId: (await db.templateVersion.findFirstOrThrow({ where: { template: { slug: { not: null } } } })).id,
      scheduleType: "ONCE",
      startDate: new Date("2026-12-01"),
      dueDate: new Date("2026-12-01"),
    },
  });
  entryOfB = (
    await db.submission.create({
      data: {
        practiceId: assignment.practiceId,
        clientId: clientOfB,
        assignmentId: assignment.id,
        templateVersionId: assignment.templateVersionId,
        dueOn: new Date("2026-12-01"),
        entryKey: "2026-12-01",
        status: "SUBMITTED",
        submittedAt: new Date(),
      },
    })
  ).id;
});

async function readable(member: Member, clientId: string) {
  try {
    return await clientReadScope(member.identity, clientId);
  } catch (error) {
    return (error as { kind?: string }).kind;
  }
}

describe("reading a client's record", () => {
  it("lets the clinician read their own client and change it", async () => {
    expect(await readable(clinicianA, clientOfA)).toMatchObject({ therapistId: clinicianA.identity.userId, readOnly: false });
  });

  it("hides a colleague's client from a clinician", async () => {
    expect(await readable(clinicianA, clientOfB)).toBe("not_found");
    expect(await readable(clinicianB, clientOfA)).toBe("not_found");
  });

  it("lets the owner read every client of the practice, read-only, scoped to the client's clinician", async () => {
    expect(await readable(owner, clientOfA)).toMatchObject({ therapistId: clinicianA.identity.userId, actorId: owner.identity.userId, readOnly: true });
    expect(await readable(owner, clientOfB)).toMatchObject({ therapistId: clinicianB.identity.userId, readOnly: true });
  });

  it("lets a supervisor of A read A's clients but not B's", async () => {
    expect(await readable(supervisorOfA, clientOfA)).toMatchObject({ therapistId: clinicianA.identity.userId, readOnly: true });
    expect(await readable(supervisorOfA, clientOfB)).toBe("not_found");
    await expect(submissionReadScope(supervisorOfA.identity, entryOfB)).rejects.toMatchObject({ kind: "not_found" });
    await expect(submissionReadScope(owner.identity, entryOfB)).resolves.toMatchObject({ readOnly: true });
  });

  it("gives another practice's owner nothing", async () => {
    expect(await readable(stranger, clientOfA)).toBe("not_found");
    await expect(submissionReadScope(stranger.identity, entryOfB)).rejects.toMatchObject({ kind: "not_found" });
  });

  it("lists whose caseloads each member reads", async () => {
    expect(new Set(await readableClinicianIds(owner.identity))).toEqual(
      new Set([owner.identity.userId, clinicianA.identity.userId, clinicianB.identity.userId]),
    );
    expect(await readableClinicianIds(supervisorOfA.identity)).toEqual([clinicianA.identity.userId]);
    expect(await readableClinicianIds(clinicianB.identity)).toEqual([clinicianB.identity.userId]);
  });

  it("builds a practice-wide caseload from exactly those clinicians", async () => {
    const practice = { practiceId: owner.scope.practiceId, therapistIds: await readableClinicianIds(owner.identity) };
    const all = await getCaseload(practice);
    expect(new Set(all.rows.map((row) => row.clientId))).toEqual(new Set([clientOfA, clientOfB]));
    expect(all.rows.find((row) => row.clientId === clientOfB)?.clinicianId).toBe(clinicianB.identity.userId);
    expect(all.counts.toReview).toBe(1);

    const supervised = await getCaseload({ practiceId: owner.scope.practiceId, therapistIds: await readableClinicianIds(supervisorOfA.identity) });
    expect(supervised.rows.map((row) => row.clientId)).toEqual([clientOfA]);
    expect(supervised.counts.toReview).toBe(0);

    // Ids of another practice's clinicians find nothing in this one.
    const forged = await getCaseload({ practiceId: stranger.scope.practiceId, therapistIds: [clinicianA.identity.userId] });
    expect(forged.rows).toEqual([]);
  });
});

describe("changing a client's record", () => {
  it("refuses a supervisor's therapist action with the read-only message, and changes nothing", async () => {
    const { archiveClientAction } = await import("@/lib/clients/actions");
    await signInAs(supervisorOfA);
    const result = await archiveClientAction(null, formDataOf({ clientId: clientOfA }));
    expect(result).toMatchObject({ ok: false, message: READ_ONLY_MESSAGE });
    expect((await db.client.findUniqueOrThrow({ where: { id: clientOfA } })).status).toBe("ACTIVE");
  });

  it("answers not found when the owner tries to change a colleague's client through a therapist action", async () => {
    const { archiveClientAction } = await import("@/lib/clients/actions");
    await signInAs(owner);
    const result = await archiveClientAction(null, formDataOf({ clientId: clientOfB }));
    expect(result).toMatchObject({ ok: false });
    expect((await db.client.findUniqueOrThrow({ where: { id: clientOfB } })).status).toBe("ACTIVE");
  });
});

describe("the practice's two-step sign-in policy", () => {
  it("is set by the owner only: a clinician's call reads as not found and changes nothing", async () => {
    const { setPracticeTwoFactorRequirement } = await import("@/lib/two-factor/set-practice-requirement");
    await expect(
      setPracticeTwoFactorRequirement({ therapistId: clinicianA.identity.userId, practiceId: clinicianA.scope.practiceId, address: "203.0.113.9" }, false),
    ).rejects.toMatchObject({ kind: "not_found" });
    const { setPracticeRequirementAction } = await import("@/lib/two-factor/actions");
    await signInAs(clinicianA);
    expect(await setPracticeRequirementAction(null, formDataOf({ requireTwoFactor: "on" }))).toMatchObject({ ok: false });
    expect((await db.practice.findUniqueOrThrow({ where: { id: clinicianA.scope.practiceId } })).requireTwoFactor).toBe(false);
  });
});

describe("the practice-wide caseload", () => {
  it("is ranked once and reused while nothing changed, and shows a change (a new flag, a new name) on the next load", async () => {
    const practice = { practiceId: owner.scope.practiceId, therapistIds: await readableClinicianIds(owner.identity) };
    const first = await getCaseload(practice);
    const again = await getCaseload(practice);
    expect(again.rows, "the same ranked list, not worked out again").toBe(first.rows);

    await db.safetyFlag.create({ data: { practiceId: practice.practiceId, clientId: clientOfB, fieldKeys: ["afraid_or_unsafe"] } });
    const flagged = await getCaseload(practice);
    expect(flagged.rows).not.toBe(first.rows);
    expect(flagged.rows[0]).toMatchObject({ clientId: clientOfB, flags: { safety: true } });
    expect(flagged.counts.openFlags).toBeGreaterThan(first.counts.openFlags);

    await db.client.update({ where: { id: clientOfA }, data: { displayName: "Renamed Client" } });
    const renamed = await getCaseload(practice);
    expect(renamed.rows.find((row) => row.clientId === clientOfA)?.name).toBe("Renamed Client");
    expect((await getCaseload(practice, { q: "renamed" })).rows.map((row) => row.clientId)).toEqual([clientOfA]);
  });
});
