// Sign-up and invitation acceptance never reveal whether an address has an
// account (issue 8, failure 2): both answer "check your e-mail", the
// account is made only from the mailed link, and sign-up is rate-limited.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { acceptInvitationAction } from "@/lib/accounts/actions";
import { signUpAction } from "@/lib/accounts/actions";
import { CheckEmailNotice } from "@/components/auth/check-email-notice";
import { TOO_MANY_SIGN_UPS } from "@/lib/accounts/account-limits";
import { CHECK_EMAIL } from "@/lib/accounts/check-email";
import { AccountRequestUnusable, confirmAccount, inspectAccountRequest } from "@/lib/accounts/confirm-account";
import { hashLinkToken } from "@/lib/accounts/tokens";
import type { ActionResult } from "@/lib/actions/result";
import { verifyPassword } from "@/lib/auth/password";
import { renewInvitation } from "@/lib/clients/renew-invitation";
import { db } from "@/lib/db";
import { InvitationUnusable } from "@/lib/invitations/accept-invitation";
import { inspectInvitation } from "@/lib/invitations/inspect-invitation";
import { createActiveClient, createInvitedClient, createTherapist, uniqueEmail } from "@/tests/support/integration-fixtures";
import { formDataOf, outboxFor, tokenFromOutbox, uniqueAddress } from "@/tests/support/recovery-fixtures";

const request = vi.hoisted(() => ({ headers: new Headers(), after: [] as Array<() => unknown> }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  after: (task: () => unknown) => void request.after.push(task),
}));

const CHOSEN = "plum ladder orbit quietly 4417";

/** Makes the next action calls come from `address`, as the app's server would tell it. */
function callFrom(address: string) {
  request.headers = new Headers({ host: "localhost:3000", "x-forwarded-for": address });
}

beforeEach(() => {
  callFrom(uniqueAddress());
  request.after = [];
});

function signUpForm(email: string, overrides: Record<string, string> = {}) {
  return formDataOf({
    name: "Dr Noor Haddad",
    practiceName: "Lantern Counselling",
    email,
    password: CHOSEN,
    timeZone: "Europe/Berlin",
    ...overrides,
  });
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

const rendered = (state: ActionResult) => renderToStaticMarkup(createElement(CheckEmailNotice, { state }));

describe("sign-up", () => {
  it("answers an address that has an account exactly as it answers a new one", async () => {
    const existing = await createTherapist();
    const passwordBefore = (await db.user.findUniqueOrThrow({ where: { id: existing.user.id } })).passwordHash;
    const practicesBefore = await db.practice.count();
    const fresh = uniqueEmail("newcomer");

    const taken = await timed(() => signUpAction(null, signUpForm(existing.email.toUpperCase())));
    const free = await timed(() => signUpAction(null, signUpForm(fresh)));

    expect(taken.result).toEqual({ ok: true, message: CHECK_EMAIL });
    expect(JSON.stringify(free.result)).toBe(JSON.stringify(taken.result));
    expect(rendered(free.result)).toBe(rendered(taken.result));
    expect(rendered(taken.result)).toContain("Check your e-mail to continue.");
    // Both take at least the same floor (and both hash the password).
    expect(taken.ms).toBeGreaterThanOrEqual(390);
    expect(free.ms).toBeGreaterThanOrEqual(390);

    // Behind the identical answer: nothing was created yet, for either.
    expect(await db.practice.count()).toBe(practicesBefore);
    expect(await db.user.count({ where: { email: fresh } })).toBe(0);
    const after = await db.user.findUniqueOrThrow({ where: { id: existing.user.id } });
    expect(after.passwordHash).toBe(passwordBefore);
    expect(await db.accountRequest.count({ where: { email: existing.email } })).toBe(0);

    // The owner of the existing account gets a note, the new address a link.
    const [note] = await outboxFor(existing.email);
    expect(note).toMatchObject({ practiceId: null, kind: "account-exists", sentAt: null });
    expect(note!.body).toContain("Someone tried to create a Trellis account with this address.");
    expect(note!.body).toContain("http://localhost:3000/forgot-password");
    expect(note!.body).not.toMatch(/\/confirm\//);
    await tokenFromOutbox(fresh, "/confirm");
    expect(request.after).toHaveLength(2);
  });

  it("stores an argon2 hash and only the SHA-256 of a 256-bit token, valid for 24 hours", async () => {
    const email = uniqueEmail("newcomer");
    const before = Date.now();
    await signUpAction(null, signUpForm(email));

    const token = await tokenFromOutbox(email, "/confirm");
    const [row] = await db.accountRequest.findMany({ where: { email } });
    expect(row).toMatchObject({ name: "Dr Noor Haddad", practiceName: "Lantern Counselling", timeZone: "Europe/Berlin", usedAt: null });
    expect(row!.tokenHash).toBe(hashLinkToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row!.passwordHash, CHOSEN)).toBe(true);
    expect(row!.expiresAt.getTime()).toBeGreaterThanOrEqual(before + 24 * 3600_000 - 1000);
    expect(row!.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 24 * 3600_000);
    const events = await db.auditEvent.findMany({ where: { subjectType: "AccountRequest", subjectId: row!.id } });
    expect(events.map((event) => event.action)).toEqual(["sign_up.requested"]);
    expect(JSON.stringify(events)).not.toContain(email);
  });

  it("refuses the eleventh and later of 15 parallel sign-ups from one address", async () => {
    callFrom(uniqueAddress());
    const emails = Array.from({ length: 15 }, () => uniqueEmail("burst"));

    const results = await Promise.all(emails.map((email) => signUpAction(null, signUpForm(email))));

    const accepted = results.filter((result) => result.ok);
    const refused = results.filter((result) => !result.ok);
    expect(accepted).toHaveLength(10);
    expect(refused).toHaveLength(5);
    for (const result of refused) expect(result).toMatchObject({ ok: false, message: TOO_MANY_SIGN_UPS });
    expect(await db.accountRequest.count({ where: { email: { in: emails } } })).toBe(10);
    expect(await db.outboxMessage.count({ where: { toAddress: { in: emails } } })).toBe(10);

    // Another address is not affected.
    callFrom(uniqueAddress());
    expect(await signUpAction(null, signUpForm(uniqueEmail("other")))).toMatchObject({ ok: true });
  }, 60_000);

  it("stops mailing one address after three requests an hour, with the same answer", async () => {
    const email = uniqueEmail("flooded");
    const results = [];
    for (let i = 0; i < 5; i++) {
      callFrom(uniqueAddress());
      results.push(await signUpAction(null, signUpForm(email)));
    }
    for (const result of results) expect(result).toEqual({ ok: true, message: CHECK_EMAIL });
    expect(await outboxFor(email)).toHaveLength(3);
  });

  it("still flags bad fields next to them, without creating anything", async () => {
    const result = await signUpAction(null, signUpForm("not-an-address", { password: "short" }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { email: [expect.any(String)], password: [expect.any(String)] } });
    expect(await db.accountRequest.count({ where: { email: "not-an-address" } })).toBe(0);
  });
});

describe("confirming a sign-up", () => {
  async function signedUp(email = uniqueEmail("newcomer")) {
    await signUpAction(null, signUpForm(email));
    return { email, token: await tokenFromOutbox(email, "/confirm") };
  }

  it("is not used up by opening the link, only by confirming with the chosen password", async () => {
    const { email, token } = await signedUp();

    expect(await inspectAccountRequest(token)).toEqual({ status: "valid", email, joining: "practice" });
    expect(await inspectAccountRequest(token)).toMatchObject({ status: "valid" });

    await expect(confirmAccount({ token, password: "not what I chose at all" }, { address: uniqueAddress() })).rejects.toMatchObject({
      fieldErrors: { password: [expect.any(String)] },
    });
    expect(await db.user.count({ where: { email } })).toBe(0);

    const account = await confirmAccount({ token, password: CHOSEN }, { address: uniqueAddress() });

    expect(account).toMatchObject({ email, role: "THERAPIST" });
    const user = await db.user.findUniqueOrThrow({ where: { email }, include: { practice: true } });
    expect(user).toMatchObject({ name: "Dr Noor Haddad", timeZone: "Europe/Berlin", role: "THERAPIST" });
    expect(user.practice.name).toBe("Lantern Counselling");
    expect(await verifyPassword(user.passwordHash, CHOSEN)).toBe(true);
    const row = await db.accountRequest.findUniqueOrThrow({ where: { tokenHash: hashLinkToken(token) } });
    expect(row.usedAt).toBeInstanceOf(Date);
    expect(row.passwordHash, "the pending hash is not kept once used").toBe("");
    const actions = (await db.auditEvent.findMany({ where: { practiceId: user.practiceId } })).map((event) => event.action).sort();
    expect(actions).toEqual(["account.confirmed", "practice.created"]);
  });

  it("works once", async () => {
    const { email, token } = await signedUp();
    await confirmAccount({ token, password: CHOSEN }, { address: uniqueAddress() });

    const again = confirmAccount({ token, password: CHOSEN }, { address: uniqueAddress() });
    await expect(again).rejects.toBeInstanceOf(AccountRequestUnusable);
    await expect(again).rejects.toMatchObject({ reason: "used" });
    expect(await inspectAccountRequest(token)).toEqual({ status: "used" });
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("creates one practice when the link is confirmed ten times at once", async () => {
    const { email, token } = await signedUp();
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => confirmAccount({ token, password: CHOSEN }, { address: uniqueAddress() })),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.count({ where: { email } })).toBe(1);
    expect(await db.practice.count({ where: { name: "Lantern Counselling", users: { some: { email } } } })).toBe(1);
  }, 60_000);

  it("refuses an expired link and creates nothing", async () => {
    const { email, token } = await signedUp();
    await db.accountRequest.update({ where: { tokenHash: hashLinkToken(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });

    expect(await inspectAccountRequest(token)).toEqual({ status: "expired" });
    await expect(confirmAccount({ token, password: CHOSEN }, { address: uniqueAddress() })).rejects.toMatchObject({ reason: "expired" });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("only the newest link of an address works", async () => {
    const email = uniqueEmail("twice");
    const first = (await signedUp(email)).token;
    callFrom(uniqueAddress());
    const second = (await signedUp(email)).token;
    expect(second).not.toBe(first);

    expect(await inspectAccountRequest(first)).toEqual({ status: "used" });
    await confirmAccount({ token: second, password: CHOSEN }, { address: uniqueAddress() });
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("tells the mailbox owner when the address got an account meanwhile, and rolls back", async () => {
    const { email, token } = await signedUp();
    await createTherapist({ email });
    const practices = await db.practice.count();

    await expect(confirmAccount({ token, password: CHOSEN }, { address: uniqueAddress() })).rejects.toMatchObject({ kind: "conflict" });
    expect(await db.practice.count()).toBe(practices);
    expect(await inspectAccountRequest(token)).toMatchObject({ status: "valid" });
  });
});

describe("accepting an invitation", () => {
  const acceptForm = (token: string, password = CHOSEN) => formDataOf({ token, password, confirmPassword: password });

  it("asks the client to check their e-mail and keeps the invitation open until the link is confirmed", async () => {
    const { scope } = await createTherapist();
    const { client, token, email } = await createInvitedClient(scope);

    const result = await acceptInvitationAction(null, acceptForm(token));

    expect(result).toEqual({ ok: true, message: CHECK_EMAIL });
    expect(await inspectInvitation(token)).toMatchObject({ status: "valid" });
    expect(await db.client.findUniqueOrThrow({ where: { id: client.id } })).toMatchObject({ status: "INVITED", userId: null });
    const link = await tokenFromOutbox(email, "/confirm");
    const [message] = await outboxFor(email);
    expect(message!.practiceId, "the practice's outbox does not show who got a link and who a note").toBeNull();
    expect(await inspectAccountRequest(link)).toEqual({ status: "valid", email, joining: "invitation" });

    const account = await confirmAccount({ token: link, password: CHOSEN }, { address: uniqueAddress() });

    expect(account).toMatchObject({ email, role: "CLIENT" });
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ role: "CLIENT", practiceId: scope.practiceId, name: "Test Client", timeZone: "America/New_York" });
    expect(await db.client.findUniqueOrThrow({ where: { id: client.id } })).toMatchObject({ status: "ACTIVE", userId: user.id });
    expect(await inspectInvitation(token)).toEqual({ status: "used" });
    const actions = (await db.auditEvent.findMany({ where: { actorId: user.id } })).map((event) => event.action).sort();
    expect(actions).toEqual(["account.confirmed", "invitation.accepted"]);
  });

  it("answers the same for an address that already has an account elsewhere, changes nothing and mails a note", async () => {
    const elsewhere = await createTherapist();
    const existing = await createActiveClient(elsewhere.scope);
    const existingBefore = await db.user.findUniqueOrThrow({ where: { id: existing.user.id } });
    const { scope } = await createTherapist();
    const taken = await createInvitedClient(scope, { email: existing.email });
    const free = await createInvitedClient(scope);

    const forTaken = await acceptInvitationAction(null, acceptForm(taken.token));
    const forFree = await acceptInvitationAction(null, acceptForm(free.token));

    expect(JSON.stringify(forTaken)).toBe(JSON.stringify(forFree));
    expect(rendered(forTaken)).toBe(rendered(forFree));
    expect(await db.user.findUniqueOrThrow({ where: { id: existing.user.id } })).toEqual(existingBefore);
    expect(await db.client.findUniqueOrThrow({ where: { id: taken.client.id } })).toMatchObject({ status: "INVITED", userId: null });
    expect(await inspectInvitation(taken.token)).toMatchObject({ status: "valid" });
    expect(await db.accountRequest.count({ where: { email: existing.email } })).toBe(0);
    const notes = await outboxFor(existing.email);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ kind: "account-exists", practiceId: null });
    // The inviting practice's trail records the same event for both.
    const trail = await db.auditEvent.findMany({
      where: { practiceId: scope.practiceId, action: "sign_up.requested" },
      select: { subjectType: true, outcome: true, actorId: true, metadata: true },
    });
    expect(trail).toHaveLength(2);
    expect(trail[0]).toEqual(trail[1]);
  });

  it("creates exactly one account when the confirmation link is used ten times at once", async () => {
    const { scope } = await createTherapist();
    const { client, token, email } = await createInvitedClient(scope);
    await acceptInvitationAction(null, acceptForm(token));
    const link = await tokenFromOutbox(email, "/confirm");

    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => confirmAccount({ token: link, password: CHOSEN }, { address: uniqueAddress() })),
    );

    const succeeded = results.filter((result) => result.status === "fulfilled");
    expect(succeeded).toHaveLength(1);
    for (const result of results.filter((r) => r.status === "rejected")) {
      expect((result as PromiseRejectedResult).reason).toBeInstanceOf(AccountRequestUnusable);
    }
    expect(await db.user.count({ where: { email } })).toBe(1);
    const stored = await db.client.findUniqueOrThrow({ where: { id: client.id } });
    expect(stored.userId).toBe((succeeded[0] as PromiseFulfilledResult<{ userId: string }>).value.userId);
  }, 60_000);

  it("refuses a confirmation after the therapist replaced the invitation, creating nothing", async () => {
    const { scope } = await createTherapist();
    const { client, token, email } = await createInvitedClient(scope);
    await acceptInvitationAction(null, acceptForm(token));
    const link = await tokenFromOutbox(email, "/confirm");
    await renewInvitation(scope, client.id);

    await expect(confirmAccount({ token: link, password: CHOSEN }, { address: uniqueAddress() })).rejects.toBeInstanceOf(
      InvitationUnusable,
    );
    expect(await db.user.count({ where: { email } })).toBe(0);
    expect(await db.client.findUniqueOrThrow({ where: { id: client.id } })).toMatchObject({ status: "INVITED" });
  });

  it("says a used invitation link can no longer be used (it says nothing about the address)", async () => {
    const { scope } = await createTherapist();
    const { token } = await createActiveClient(scope);

    const result = await acceptInvitationAction(null, acceptForm(token));

    expect(result).toEqual({ ok: false, message: "This invitation link can no longer be used.", fieldErrors: {} });
  });
});
