import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { renewInvitation } from "@/lib/clients/renew-invitation";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { acceptInvitation, InvitationUnusable } from "@/lib/invitations/accept-invitation";
import { inspectInvitation } from "@/lib/invitations/inspect-invitation";
import { INVITATION_LIFETIME_MS } from "@/lib/invitations/tokens";
import { createInvitedClient, createTherapist, PASSWORD } from "@/tests/support/integration-fixtures";

const DAY_MS = 24 * 60 * 60 * 1000;
const daysFromNow = (days: number) => new Date(Date.now() + days * DAY_MS);

function tamper(token: string): string {
  const last = token.at(-1) === "A" ? "B" : "A";
  return token.slice(0, -1) + last;
}

async function invitationsOf(clientId: string) {
  return db.invitation.findMany({ where: { clientId }, orderBy: { createdAt: "asc" } });
}

describe("addClient's invitation", () => {
  it("returns a long random token and stores only its SHA-256", async () => {
    const { scope } = await createTherapist();
    const { client, token } = await createInvitedClient(scope);

    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await invitationsOf(client.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(rows[0])).not.toContain(token);
  });

  it("keeps the token out of the audit trail", async () => {
    const { scope } = await createTherapist();
    const { token } = await createInvitedClient(scope);

    const events = await db.auditEvent.findMany({ where: { practiceId: scope.practiceId } });
    expect(events.map((event) => event.action).sort()).toEqual(["client.added", "invitation.issued", "practice.created"]);
    expect(JSON.stringify(events)).not.toContain(token);
  });

  it("expires seven days after it was issued", async () => {
    const before = Date.now();
    const { scope } = await createTherapist();
    const { client } = await createInvitedClient(scope);

    const [row] = await invitationsOf(client.id);
    expect(row!.expiresAt.getTime()).toBeGreaterThanOrEqual(before + INVITATION_LIFETIME_MS);
    expect(row!.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + INVITATION_LIFETIME_MS);
  });
});

describe("inspectInvitation", () => {
  it("describes a valid invitation with who sent it", async () => {
    const therapist = await createTherapist();
    const { token, email } = await createInvitedClient(therapist.scope);
    const practice = await db.practice.findUniqueOrThrow({ where: { id: therapist.scope.practiceId } });

    expect(await inspectInvitation(token)).toEqual({
      status: "valid",
      clientName: "Test Client",
      email,
      therapistName: "Dr Test Therapist",
      practiceName: practice.name,
    });
  });

  it("calls a token with one character changed invalid", async () => {
    const { scope } = await createTherapist();
    const { token } = await createInvitedClient(scope);

    expect(await inspectInvitation(tamper(token))).toEqual({ status: "invalid" });
  });

  it("calls an empty or absurdly long token invalid", async () => {
    expect(await inspectInvitation("")).toEqual({ status: "invalid" });
    expect(await inspectInvitation("x".repeat(201))).toEqual({ status: "invalid" });
  });

  it("is still valid just before seven days and expired after", async () => {
    const { scope } = await createTherapist();
    const { token } = await createInvitedClient(scope);

    expect((await inspectInvitation(token, daysFromNow(6.9))).status).toBe("valid");
    expect(await inspectInvitation(token, daysFromNow(8))).toEqual({ status: "expired" });
  });

  it("calls an accepted invitation used", async () => {
    const { scope } = await createTherapist();
    const { token } = await createInvitedClient(scope);
    await acceptInvitation({ token, password: PASSWORD });

    expect(await inspectInvitation(token)).toEqual({ status: "used" });
  });

  it("revokes the old link when the therapist renews it, and the new link is valid", async () => {
    const { scope } = await createTherapist();
    const { client, token: oldToken } = await createInvitedClient(scope);

    const renewed = await renewInvitation(scope, client.id);

    expect(renewed.invitation.token).not.toBe(oldToken);
    expect(await inspectInvitation(oldToken)).toEqual({ status: "revoked" });
    expect((await inspectInvitation(renewed.invitation.token)).status).toBe("valid");
    const rows = await invitationsOf(client.id);
    expect(rows.filter((row) => row.revokedAt === null)).toHaveLength(1);
  });

  it("gives a client whose link expired a new, valid one", async () => {
    const { scope } = await createTherapist();
    const { client, token: oldToken } = await createInvitedClient(scope);
    await db.invitation.updateMany({ where: { clientId: client.id }, data: { expiresAt: new Date(Date.now() - DAY_MS) } });
    expect((await inspectInvitation(oldToken)).status).toBe("expired");

    const renewed = await renewInvitation(scope, client.id);

    expect((await inspectInvitation(renewed.invitation.token)).status).toBe("valid");
    expect((await inspectInvitation(oldToken)).status).toBe("revoked");
    await expect(acceptInvitation({ token: renewed.invitation.token, password: PASSWORD })).resolves.toMatchObject({
      email: expect.any(String),
    });
  });
});

describe("acceptInvitation", () => {
  it("creates a CLIENT account in the therapist's practice and activates the client", async () => {
    const { scope } = await createTherapist();
    const { client, token, email } = await createInvitedClient(scope);

    const user = await acceptInvitation({ token, password: PASSWORD });

    expect(user.email).toBe(email);
    const account = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(account).toMatchObject({
      role: "CLIENT",
      practiceId: scope.practiceId,
      email,
      name: "Test Client",
      timeZone: "America/New_York",
    });
    const stored = await db.client.findUniqueOrThrow({ where: { id: client.id } });
    expect(stored).toMatchObject({ status: "ACTIVE", userId: user.id, therapistId: scope.therapistId });
    const [invitation] = await invitationsOf(client.id);
    expect(invitation!.usedAt).toBeInstanceOf(Date);
    const accepted = await db.auditEvent.findMany({ where: { action: "invitation.accepted", subjectId: invitation!.id } });
    expect(accepted).toHaveLength(1);
  });

  it("refuses the same link a second time with reason 'used'", async () => {
    const { scope } = await createTherapist();
    const { token, email } = await createInvitedClient(scope);
    await acceptInvitation({ token, password: PASSWORD });

    const second = acceptInvitation({ token, password: "another long password" });

    await expect(second).rejects.toBeInstanceOf(InvitationUnusable);
    await expect(second).rejects.toMatchObject({ reason: "used", kind: "invalid" });
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("creates exactly one account when the same link is submitted ten times at once", async () => {
    const { scope } = await createTherapist();
    const { client, token, email } = await createInvitedClient(scope);

    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => acceptInvitation({ token, password: PASSWORD })),
    );

    const succeeded = results.filter((result) => result.status === "fulfilled");
    const failed = results.filter((result) => result.status === "rejected");
    expect(succeeded).toHaveLength(1);
    expect(failed).toHaveLength(9);
    for (const failure of failed) {
      expect(failure.reason).toBeInstanceOf(InvitationUnusable);
      expect((failure.reason as InvitationUnusable).reason).toBe("used");
    }
    expect(await db.user.count({ where: { email } })).toBe(1);
    const stored = await db.client.findUniqueOrThrow({ where: { id: client.id } });
    expect(stored.userId).toBe((succeeded[0] as PromiseFulfilledResult<{ id: string }>).value.id);
  }, 60_000);

  it("refuses an expired link with reason 'expired' and creates nothing", async () => {
    const { scope } = await createTherapist();
    const { client, token, email } = await createInvitedClient(scope);

    await expect(acceptInvitation({ token, password: PASSWORD }, daysFromNow(8))).rejects.toMatchObject({
      reason: "expired",
    });
    expect(await db.user.count({ where: { email } })).toBe(0);
    expect((await db.client.findUniqueOrThrow({ where: { id: client.id } })).status).toBe("INVITED");
  });

  it("refuses a tampered link with reason 'invalid'", async () => {
    const { scope } = await createTherapist();
    const { token } = await createInvitedClient(scope);

    await expect(acceptInvitation({ token: tamper(token), password: PASSWORD })).rejects.toMatchObject({
      reason: "invalid",
    });
    expect((await inspectInvitation(token)).status).toBe("valid");
  });

  it("refuses a link replaced by a renewal with reason 'revoked'", async () => {
    const { scope } = await createTherapist();
    const { client, token } = await createInvitedClient(scope);
    await renewInvitation(scope, client.id);

    await expect(acceptInvitation({ token, password: PASSWORD })).rejects.toMatchObject({ reason: "revoked" });
  });

  it("refuses an email that already has an account, and rolls the claim back", async () => {
    const existing = await createTherapist();
    const other = await createTherapist();
    // Another practice invites someone at the first therapist's address.
    const { client, token } = await createInvitedClient(other.scope, { email: existing.email });

    const attempt = acceptInvitation({ token, password: PASSWORD });

    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ kind: "conflict" });
    await expect(attempt).rejects.not.toBeInstanceOf(InvitationUnusable);
    const [invitation] = await invitationsOf(client.id);
    expect(invitation!.usedAt).toBeNull();
    const stored = await db.client.findUniqueOrThrow({ where: { id: client.id } });
    expect(stored).toMatchObject({ status: "INVITED", userId: null });
    expect(await db.user.count({ where: { email: existing.email } })).toBe(1);
    expect(await inspectInvitation(token)).toMatchObject({ status: "valid" });
  });
});
