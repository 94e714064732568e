// Archiving a client and changing a password both end existing sessions by
// moving the user's session version on.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { changePassword } from "@/lib/accounts/change-password";
import { authenticate } from "@/lib/auth/authenticate";
import { archiveClient } from "@/lib/clients/archive-client";
import { listClients } from "@/lib/clients/list-clients";
import { renewInvitation } from "@/lib/clients/renew-invitation";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";
import { inspectInvitation } from "@/lib/invitations/inspect-invitation";
import { createActiveClient, createInvitedClient, createTherapist, PASSWORD } from "@/tests/support/integration-fixtures";

const NEW_PASSWORD = "a different and longer passphrase";
const signIn = (email: string, password: string) => authenticate({ email, password }, `test-${randomUUID()}`);
const sessionVersionOf = async (userId: string) =>
  (await db.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } })).sessionVersion;

describe("archiveClient", () => {
  it("archives an active client, ends their sessions and records who did it", async () => {
    const { scope } = await createTherapist();
    const { client, user } = await createActiveClient(scope);
    const now = new Date("2030-01-02T03:04:05.000Z");

    await archiveClient(scope, client.id, now);

    const stored = await db.client.findUniqueOrThrow({ where: { id: client.id } });
    expect(stored).toMatchObject({ status: "ARCHIVED", archivedAt: now, userId: user.id });
    expect(await sessionVersionOf(user.id)).toBe(1);
    const events = await db.auditEvent.findMany({ where: { action: "client.archived", subjectId: client.id } });
    expect(events).toEqual([
      expect.objectContaining({ practiceId: scope.practiceId, actorId: scope.therapistId, subjectType: "Client" }),
    ]);
  });

  it("revokes an invited client's open link", async () => {
    const { scope } = await createTherapist();
    const { client, token } = await createInvitedClient(scope);

    await archiveClient(scope, client.id);

    const invitations = await db.invitation.findMany({ where: { clientId: client.id } });
    expect(invitations).toHaveLength(1);
    expect(invitations[0]!.revokedAt).toBeInstanceOf(Date);
    expect(await inspectInvitation(token)).toEqual({ status: "revoked" });
    await expect(acceptInvitation({ token, password: PASSWORD })).rejects.toMatchObject({ reason: "revoked" });
    expect((await db.client.findUniqueOrThrow({ where: { id: client.id } })).status).toBe("ARCHIVED");
  });

  it("leaves a used invitation as it was", async () => {
    const { scope } = await createTherapist();
    const { client } = await createActiveClient(scope);

    await archiveClient(scope, client.id);

    const [invitation] = await db.invitation.findMany({ where: { clientId: client.id } });
    expect(invitation!.usedAt).toBeInstanceOf(Date);
    expect(invitation!.revokedAt).toBeNull();
  });

  it("refuses to archive the same client twice", async () => {
    const { scope } = await createTherapist();
    const { client, user } = await createActiveClient(scope);
    await archiveClient(scope, client.id);

    await expect(archiveClient(scope, client.id)).rejects.toMatchObject({ kind: "not_found" });
    expect(await sessionVersionOf(user.id)).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "client.archived", subjectId: client.id } })).toBe(1);
  });

  it("hides the client from the caseload unless archived clients are asked for", async () => {
    const { scope } = await createTherapist();
    const { client } = await createInvitedClient(scope);
    await archiveClient(scope, client.id);

    expect((await listClients(scope)).map((item) => item.id)).not.toContain(client.id);
    expect(await listClients(scope, { includeArchived: true })).toEqual([
      expect.objectContaining({ id: client.id, status: "ARCHIVED", invitation: null }),
    ]);
  });

  it("does not let an archived client be sent a new link", async () => {
    const { scope } = await createTherapist();
    const { client } = await createInvitedClient(scope);
    await archiveClient(scope, client.id);

    await expect(renewInvitation(scope, client.id)).rejects.toMatchObject({ kind: "not_found" });
  });
});

describe("changePassword", () => {
  it("refuses a wrong current password and changes nothing", async () => {
    const { user, email } = await createTherapist();

    const attempt = changePassword({ userId: user.id }, { currentPassword: "not my password!", newPassword: NEW_PASSWORD });

    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({
      kind: "invalid",
      fieldErrors: { currentPassword: ["That is not your current password."] },
    });
    expect(await sessionVersionOf(user.id)).toBe(0);
    expect((await signIn(email, PASSWORD))?.id).toBe(user.id);
    expect(await signIn(email, NEW_PASSWORD)).toBeNull();
  });

  it("with the right current password, swaps the password and ends other sessions", async () => {
    const { user, email } = await createTherapist();

    const result = await changePassword({ userId: user.id }, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });

    expect(result).toEqual({ email });
    expect(await sessionVersionOf(user.id)).toBe(1);
    expect(await signIn(email, PASSWORD)).toBeNull();
    expect(await signIn(email, NEW_PASSWORD)).toMatchObject({ id: user.id, sessionVersion: 1 });
    expect(
      await db.auditEvent.count({ where: { action: "password.changed", subjectId: user.id, actorId: user.id } }),
    ).toBe(1);
  });

  it("works for a client account too", async () => {
    const { scope } = await createTherapist();
    const { user, email } = await createActiveClient(scope);

    await changePassword({ userId: user.id }, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });

    expect(await signIn(email, NEW_PASSWORD)).toMatchObject({ id: user.id, role: "CLIENT", sessionVersion: 1 });
  });

  it("reads as not found for a user id that does not exist", async () => {
    await expect(
      changePassword({ userId: `missing-${randomUUID()}` }, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }),
    ).rejects.toMatchObject({ kind: "not_found" });
  });
});
