// Adding clients and listing a therapist's caseload.
import { describe, expect, it } from "vitest";
import { addClient } from "@/lib/clients/add-client";
import { listClients } from "@/lib/clients/list-clients";
import { renewInvitation } from "@/lib/clients/renew-invitation";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { addClientSchema } from "@/lib/validations/clients";
import { createActiveClient, createInvitedClient, createTherapist, uniqueEmail } from "@/tests/support/integration-fixtures";

const DAY_MS = 24 * 60 * 60 * 1000;

describe("addClient", () => {
  it("adds an INVITED client to the caller's caseload and practice", async () => {
    const { scope } = await createTherapist();
    const input = addClientSchema.parse({ displayName: "  Sam  ", email: ` Sam.${uniqueEmail()}`.toUpperCase(), timeZone: "Asia/Tokyo" });

    const { client, invitation } = await addClient(scope, input);

    expect(client.displayName).toBe("Sam");
    expect(invitation.token).toBeTruthy();
    const stored = await db.client.findUniqueOrThrow({ where: { id: client.id } });
    expect(stored).toMatchObject({
      therapistId: scope.therapistId,
      practiceId: scope.practiceId,
      email: input.email,
      timeZone: "Asia/Tokyo",
      status: "INVITED",
      userId: null,
    });
    expect(stored.email).toBe(stored.email.toLowerCase());
  });

  it("refuses the same email twice for one therapist, whatever its case", async () => {
    const { scope } = await createTherapist();
    const { email } = await createInvitedClient(scope);
    const again = addClientSchema.parse({ displayName: "Again", email: email.toUpperCase(), timeZone: "UTC" });

    const attempt = addClient(scope, again);

    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({
      kind: "conflict",
      fieldErrors: { email: ["You already have a client with this email address."] },
    });
    expect(await db.client.count({ where: { therapistId: scope.therapistId } })).toBe(1);
  });

  it("lets two therapists each invite the same person", async () => {
    const first = await createTherapist();
    const second = await createTherapist();
    const email = uniqueEmail("shared");

    await createInvitedClient(first.scope, { email });
    await createInvitedClient(second.scope, { email });

    expect(await db.client.count({ where: { email } })).toBe(2);
  });
});

describe("listClients", () => {
  it("lists invited clients before active ones, newest first within each", async () => {
    const { scope } = await createTherapist();
    const older = await createInvitedClient(scope);
    const active = await createActiveClient(scope);
    const newer = await createInvitedClient(scope);

    const ids = (await listClients(scope)).map((client) => client.id);

    expect(ids).toEqual([newer.client.id, older.client.id, active.client.id]);
  });

  it("shows the open invitation's expiry for invited clients only", async () => {
    const { scope } = await createTherapist();
    const invited = await createInvitedClient(scope);
    const active = await createActiveClient(scope);

    const today = await listClients(scope);
    const later = await listClients(scope, { now: new Date(Date.now() + 8 * DAY_MS) });

    const invitedToday = today.find((client) => client.id === invited.client.id)!;
    expect(invitedToday.invitation).toEqual({ expiresAt: expect.any(Date), expired: false });
    expect(later.find((client) => client.id === invited.client.id)!.invitation?.expired).toBe(true);
    expect(today.find((client) => client.id === active.client.id)!.invitation).toBeNull();
  });

  it("shows the renewed link's expiry after a renewal", async () => {
    const { scope } = await createTherapist();
    const { client } = await createInvitedClient(scope);

    const { invitation } = await renewInvitation(scope, client.id);

    const [listed] = await listClients(scope);
    expect(listed!.invitation?.expiresAt.getTime()).toBe(invitation.expiresAt.getTime());
  });

  it("does not renew a link for a client who has already joined", async () => {
    const { scope } = await createTherapist();
    const { client } = await createActiveClient(scope);

    await expect(renewInvitation(scope, client.id)).rejects.toMatchObject({ kind: "not_found" });
    expect(await db.invitation.count({ where: { clientId: client.id } })).toBe(1);
  });
});
