import { createHash, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { INVITATION_LIFETIME_MS } from "@/lib/invitations/tokens";
import { createAuthSession } from "@/lib/sessions/create-session";
import { findLiveSession } from "@/lib/sessions/find-live-session";
import { deactivateMember, HAND_OVER_FIRST, NOT_YOURSELF } from "@/lib/practice/members/deactivate-member";
import {
  acceptStaffInvitation,
  inspectStaffInvitation,
  inviteMember,
  resendInvitation,
  revokeInvitation,
  StaffInvitationUnusable,
} from "@/lib/practice/members/invitations";
import { listMembers } from "@/lib/practice/members/list-members";
import { inviteMemberSchema, joinPracticeSchema } from "@/lib/practice/members/schemas";
import { setSupervisees } from "@/lib/practice/members/supervision";
import { createInvitedClient, createTherapist, PASSWORD, uniqueEmail } from "@/tests/support/integration-fixtures";
import { addColleague, BASE, ownerOf } from "@/tests/support/practice-fixtures";

const signIn = (email: string, password: string) => authenticate({ email, password }, `test-${randomUUID()}`);

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

function invitation(email = uniqueEmail("colleague"), practiceRole: "CLINICIAN" | "SUPERVISOR" = "CLINICIAN") {
  return inviteMemberSchema.parse({ name: "Dr Rowan Achebe", email, practiceRole });
}

const join = (token: string, name = "Dr Rowan Achebe") => acceptStaffInvitation({ token, name, timeZone: "Europe/Dublin", password: PASSWORD });

describe("inviting a colleague", () => {
  it("stores only the SHA-256 of a 256-bit token, for 7 days, and queues the link in the same transaction", async () => {
    const { scope } = await createTherapist();
    const email = uniqueEmail("colleague");
    const before = Date.now();
    const { id, token } = await inviteMember(ownerOf(scope), invitation(email), { base: BASE });

    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await db.staffInvitation.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(token!).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token!);
    expect(row.expiresAt.getTime()).toBeGreaterThanOrEqual(before + INVITATION_LIFETIME_MS);
    expect(row).toMatchObject({ practiceId: scope.practiceId, practiceRole: "CLINICIAN", createdById: scope.therapistId });

    const mail = await db.outboxMessage.findMany({ where: { toAddress: email } });
    expect(mail).toHaveLength(1);
    expect(mail[0]!.body).toContain(`${BASE}/join/${token}`);
    expect(mail[0]!.kind).toBe("staff-invitation");
    const events = await db.auditEvent.findMany({ where: { action: "staff.invited", subjectId: id } });
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain(email);
  });

  it("answers the same for an address that has an account, whose e-mail explains instead of carrying a link", async () => {
    const { scope } = await createTherapist();
    const other = await createTherapist();
    const issued = await inviteMember(ownerOf(scope), invitation(other.email), { base: BASE });

    expect(issued.token).toBeNull();
    expect(await db.staffInvitation.count({ where: { id: issued.id } })).toBe(1);
    const [mail] = await db.outboxMessage.findMany({ where: { toAddress: other.email, kind: "staff-invitation" } });
    expect(mail!.body).toContain("already has a Trellis account");
    expect(mail!.body).not.toContain("/join/");
    const { invitations } = await listMembers(ownerOf(scope));
    expect(invitations.map((row) => row.email)).toEqual([other.email]);
  });

  it("is for owners only: a clinician or supervisor cannot invite, list members or withdraw", async () => {
    const { scope } = await createTherapist();
    const clinician = await addColleague(ownerOf(scope));
    const supervisor = await addColleague(ownerOf(scope), "SUPERVISOR");
    const open = await inviteMember(ownerOf(scope), invitation(), { base: BASE });

    for (const colleague of [clinician, supervisor]) {
      const asThem = ownerOf(colleague.scope);
      expect((await rejection(inviteMember(asThem, invitation(), { base: BASE }))).kind).toBe("not_found");
      expect((await rejection(revokeInvitation(asThem, open.id))).kind).toBe("not_found");
      expect((await rejection(resendInvitation(asThem, open.id, { base: BASE }))).kind).toBe("not_found");
      expect(await listMembers(asThem)).toEqual({ members: [], invitations: [] });
    }
    expect(await db.staffInvitation.count({ where: { practiceId: scope.practiceId } })).toBe(3);
  });

  it("cannot be withdrawn or re-sent by another practice's owner", async () => {
    const { scope } = await createTherapist();
    const stranger = await createTherapist();
    const open = await inviteMember(ownerOf(scope), invitation(), { base: BASE });
    expect((await rejection(revokeInvitation(ownerOf(stranger.scope), open.id))).kind).toBe("not_found");
    expect((await rejection(resendInvitation(ownerOf(stranger.scope), open.id, { base: BASE }))).kind).toBe("not_found");
  });
});

describe("joining from the link", () => {
  it("creates a staff account with the invited role in the owner's practice", async () => {
    const { scope } = await createTherapist();
    const email = uniqueEmail("supervisor");
    const { token } = await inviteMember(ownerOf(scope), invitation(email, "SUPERVISOR"), { base: BASE });
    expect(await inspectStaffInvitation(token!)).toMatchObject({ status: "valid", email, practiceRole: "SUPERVISOR" });

    const user = await join(token!, "Dr Imani Sato");
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored).toMatchObject({ email, name: "Dr Imani Sato", role: "THERAPIST", practiceRole: "SUPERVISOR", practiceId: scope.practiceId, timeZone: "Europe/Dublin" });
    expect(await signIn(email, PASSWORD)).toMatchObject({ id: user.id, role: "THERAPIST" });
    expect(await inspectStaffInvitation(token!)).toEqual({ status: "used" });
  });

  it("ten simultaneous accepts make exactly one account", async () => {
    const { scope } = await createTherapist();
    const email = uniqueEmail("race");
    const { token } = await inviteMember(ownerOf(scope), invitation(email), { base: BASE });

    const results = await Promise.allSettled(Array.from({ length: 10 }, () => join(token!)));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results) {
      if (result.status === "rejected") expect(result.reason).toBeInstanceOf(StaffInvitationUnusable);
    }
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("refuses an expired link", async () => {
    const { scope } = await createTherapist();
    const past = new Date(Date.now() - INVITATION_LIFETIME_MS - 60_000);
    const { token } = await inviteMember(ownerOf(scope), invitation(), { base: BASE }, past);
    expect(await inspectStaffInvitation(token!)).toEqual({ status: "expired" });
    const error = await rejection(join(token!));
    expect(error).toBeInstanceOf(StaffInvitationUnusable);
    expect((error as StaffInvitationUnusable).reason).toBe("expired");
  });

  it("refuses a withdrawn link, and a re-send makes a new link that replaces the old", async () => {
    const { scope } = await createTherapist();
    const owner = ownerOf(scope);
    const email = uniqueEmail("resend");
    const first = await inviteMember(owner, invitation(email), { base: BASE });
    const second = await resendInvitation(owner, first.id, { base: BASE });

    expect(second.token).not.toBe(first.token);
    expect(await inspectStaffInvitation(first.token!)).toEqual({ status: "revoked" });
    expect((await rejection(resendInvitation(owner, first.id, { base: BASE }))).kind).toBe("not_found");
    const mail = await db.outboxMessage.findMany({ where: { toAddress: email }, orderBy: { createdAt: "asc" } });
    expect(mail).toHaveLength(2);
    expect(mail[1]!.body).toContain(`/join/${second.token}`);

    await revokeInvitation(owner, second.id);
    expect(await inspectStaffInvitation(second.token!)).toEqual({ status: "revoked" });
    expect(((await rejection(join(second.token!))) as StaffInvitationUnusable).reason).toBe("revoked");
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("treats a tampered or absurd token as an invalid link", async () => {
    expect(await inspectStaffInvitation("x".repeat(43))).toEqual({ status: "invalid" });
    expect(await inspectStaffInvitation("x".repeat(500))).toEqual({ status: "invalid" });
    expect(((await rejection(join("nope"))) as StaffInvitationUnusable).reason).toBe("invalid");
  });

  it("checks the password's strength and the confirmation next to their fields", () => {
    const weak = joinPracticeSchema.safeParse({ token: "t", name: "A", timeZone: "Europe/Dublin", password: "password1234", confirmPassword: "password12345" });
    expect(weak.success).toBe(false);
    const paths = weak.error!.issues.map((issue) => issue.path.join("."));
    expect(paths).toContain("password");
    expect(paths).toContain("confirmPassword");
  });
});

describe("supervision", () => {
  it("the owner chooses which clinicians a supervisor supervises, replacing the earlier choice", async () => {
    const { scope } = await createTherapist();
    const owner = ownerOf(scope);
    const a = await addColleague(owner);
    const b = await addColleague(owner);
    const supervisor = await addColleague(owner, "SUPERVISOR");

    await setSupervisees(owner, supervisor.user.id, [a.user.id, b.user.id]);
    await setSupervisees(owner, supervisor.user.id, [b.user.id, scope.therapistId]);
    const rows = await db.supervision.findMany({ where: { supervisorId: supervisor.user.id }, select: { clinicianId: true, practiceId: true } });
    expect(rows.map((row) => row.clinicianId).sort()).toEqual([b.user.id, scope.therapistId].sort());
    expect(rows.every((row) => row.practiceId === scope.practiceId)).toBe(true);
    const { members } = await listMembers(owner);
    expect(members.find((member) => member.id === supervisor.user.id)?.superviseeIds.sort()).toEqual([b.user.id, scope.therapistId].sort());
  });

  it("refuses a clinician of another practice, a supervisor as supervisee, and a non-owner", async () => {
    const { scope } = await createTherapist();
    const owner = ownerOf(scope);
    const supervisor = await addColleague(owner, "SUPERVISOR");
    const otherSupervisor = await addColleague(owner, "SUPERVISOR");
    const stranger = await createTherapist();

    expect((await rejection(setSupervisees(owner, supervisor.user.id, [stranger.scope.therapistId]))).kind).toBe("invalid");
    expect((await rejection(setSupervisees(owner, supervisor.user.id, [otherSupervisor.user.id]))).kind).toBe("invalid");
    expect((await rejection(setSupervisees(ownerOf(supervisor.scope), supervisor.user.id, [scope.therapistId]))).kind).toBe("not_found");
    expect((await rejection(setSupervisees(owner, scope.therapistId, []))).kind).toBe("not_found");
    expect(await db.supervision.count({ where: { supervisorId: supervisor.user.id } })).toBe(0);
  });
});

describe("deactivating a member", () => {
  it("ends their sessions, refuses their sign-in and stops supervision", async () => {
    const { scope } = await createTherapist();
    const owner = ownerOf(scope);
    const clinician = await addColleague(owner);
    const supervisor = await addColleague(owner, "SUPERVISOR");
    await setSupervisees(owner, supervisor.user.id, [clinician.user.id]);
    const session = await createAuthSession({ userId: supervisor.user.id, userAgent: null, address: null });
    expect(await findLiveSession(session.id, supervisor.user.id, { touch: false })).not.toBeNull();

    await deactivateMember(owner, supervisor.user.id);

    expect(await findLiveSession(session.id, supervisor.user.id, { touch: false })).toBeNull();
    expect(await db.authSession.findUniqueOrThrow({ where: { id: session.id } })).toMatchObject({ revokedAt: expect.any(Date) });
    expect(await signIn(supervisor.email, PASSWORD)).toBeNull();
    expect(await db.supervision.count({ where: { supervisorId: supervisor.user.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "member.deactivated", subjectId: supervisor.user.id, actorId: scope.therapistId } })).toBe(1);
    expect((await rejection(deactivateMember(owner, supervisor.user.id))).kind).toBe("not_found");
  });

  it("refuses while they are still someone's clinician, and for the owner themselves", async () => {
    const { scope } = await createTherapist();
    const owner = ownerOf(scope);
    const clinician = await addColleague(owner);
    await createInvitedClient(clinician.scope);

    expect((await rejection(deactivateMember(owner, clinician.user.id))).message).toBe(HAND_OVER_FIRST);
    expect((await rejection(deactivateMember(owner, scope.therapistId))).message).toBe(NOT_YOURSELF);
    expect(await signIn(clinician.email, PASSWORD)).not.toBeNull();
  });

  it("cannot be done by a clinician, or to another practice's member", async () => {
    const { scope } = await createTherapist();
    const clinician = await addColleague(ownerOf(scope));
    const stranger = await createTherapist();
    expect((await rejection(deactivateMember(ownerOf(clinician.scope), scope.therapistId))).kind).toBe("not_found");
    expect((await rejection(deactivateMember(ownerOf(scope), stranger.scope.therapistId))).kind).toBe("not_found");
    expect(await signIn(stranger.email, stranger.password)).not.toBeNull();
  });
});
