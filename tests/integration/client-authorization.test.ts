// Another therapist (or another client) must never reach a client that is
// not theirs, and must not be able to tell whether it exists.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { archiveClient } from "@/lib/clients/archive-client";
import { getClient } from "@/lib/clients/get-client";
import { getOwnProfile } from "@/lib/clients/get-own-profile";
import { listClients } from "@/lib/clients/list-clients";
import { renewInvitation } from "@/lib/clients/renew-invitation";
import type { TherapistScope } from "@/lib/clients/scope";
import { db } from "@/lib/db";
import { AppError, forbidden, NOT_FOUND_MESSAGE, notFound } from "@/lib/errors";
import { inspectInvitation } from "@/lib/invitations/inspect-invitation";
import {
  createActiveClient,
  createInvitedClient,
  createTherapist,
  uniqueEmail,
} from "@/tests/support/integration-fixtures";

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

let a: TherapistScope;
let b: TherapistScope;
let invited: Awaited<ReturnType<typeof createInvitedClient>>;
let active: Awaited<ReturnType<typeof createActiveClient>>;

beforeAll(async () => {
  a = (await createTherapist()).scope;
  b = (await createTherapist()).scope;
  invited = await createInvitedClient(a);
  active = await createActiveClient(a);
});

describe("another therapist's clients", () => {
  it("are never in B's list, while A sees them", async () => {
    await createInvitedClient(b);

    const own = (await listClients(a, { includeArchived: true })).map((client) => client.id);
    const others = (await listClients(b, { includeArchived: true })).map((client) => client.id);

    expect(own).toEqual(expect.arrayContaining([invited.client.id, active.client.id]));
    expect(others).toHaveLength(1);
    expect(others).not.toContain(invited.client.id);
    expect(others).not.toContain(active.client.id);
  });

  it("read as not found through getClient", async () => {
    const error = await rejection(getClient(b, invited.client.id));

    expect(error.kind).toBe("not_found");
    expect(error.message).toBe(NOT_FOUND_MESSAGE);
    expect((await getClient(a, invited.client.id)).id).toBe(invited.client.id);
  });

  it("cannot have their invitation renewed by B, and A's link keeps working", async () => {
    const before = await db.invitation.count({ where: { clientId: invited.client.id } });

    const error = await rejection(renewInvitation(b, invited.client.id));

    expect(error.kind).toBe("not_found");
    expect(await db.invitation.count({ where: { clientId: invited.client.id } })).toBe(before);
    expect((await inspectInvitation(invited.token)).status).toBe("valid");
  });

  it("cannot be archived by B: an invited client stays invited", async () => {
    const error = await rejection(archiveClient(b, invited.client.id));

    expect(error.kind).toBe("not_found");
    const stored = await db.client.findUniqueOrThrow({ where: { id: invited.client.id } });
    expect(stored).toMatchObject({ status: "INVITED", archivedAt: null });
    expect((await inspectInvitation(invited.token)).status).toBe("valid");
  });

  it("cannot be archived by B: an active client stays active and signed in", async () => {
    const error = await rejection(archiveClient(b, active.client.id));

    expect(error.kind).toBe("not_found");
    expect((await db.client.findUniqueOrThrow({ where: { id: active.client.id } })).status).toBe("ACTIVE");
    const user = await db.user.findUniqueOrThrow({ where: { id: active.user.id } });
    expect(user.sessionVersion).toBe(0);
  });

  it("are not reachable with B's therapist id and A's practice id mixed together", async () => {
    const mixed = { therapistId: b.therapistId, practiceId: a.practiceId };

    expect((await rejection(getClient(mixed, invited.client.id))).kind).toBe("not_found");
    expect((await rejection(archiveClient(mixed, invited.client.id))).kind).toBe("not_found");
  });

  it("are hidden from a colleague in the same practice", async () => {
    const colleague = await db.user.create({
      data: {
        email: uniqueEmail("colleague"),
        name: "Dr Colleague",
        timeZone: "UTC",
        role: "THERAPIST",
        practiceRole: "CLINICIAN",
        passwordHash: await hashPassword(randomUUID()),
        practiceId: a.practiceId,
      },
    });
    const scope = { therapistId: colleague.id, practiceId: a.practiceId };

    expect(await listClients(scope, { includeArchived: true })).toEqual([]);
    expect((await rejection(getClient(scope, active.client.id))).kind).toBe("not_found");
  });
});

describe("no existence leaks", () => {
  it("gives the same error for someone else's client and for an id that does not exist", async () => {
    const missingId = `missing-${randomUUID()}`;

    for (const attempt of [
      (id: string) => getClient(b, id),
      (id: string) => renewInvitation(b, id),
      (id: string) => archiveClient(b, id),
    ]) {
      const othersError = await rejection(attempt(invited.client.id));
      const missingError = await rejection(attempt(missingId));
      expect({ kind: othersError.kind, message: othersError.message, fieldErrors: othersError.fieldErrors }).toEqual({
        kind: missingError.kind,
        message: missingError.message,
        fieldErrors: missingError.fieldErrors,
      });
    }
  });

  it("words not found and forbidden identically", () => {
    expect(forbidden().message).toBe(notFound().message);
    expect(forbidden().fieldErrors).toEqual(notFound().fieldErrors);
  });
});

describe("another client's profile", () => {
  it("reads as not found for a signed-in client asking for someone else's record", async () => {
    const other = await createActiveClient(b);

    const error = await rejection(getOwnProfile({ clientId: other.client.id, userId: active.user.id }));

    expect(error.kind).toBe("not_found");
    const own = await getOwnProfile({ clientId: active.client.id, userId: active.user.id });
    expect(own.displayName).toBe("Test Client");
  });
});
