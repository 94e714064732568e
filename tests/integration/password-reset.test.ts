// "Forgot password?" (issue 8, failure 7): the same answer whether or not an
// account exists; a hashed, single-use, 30-minute link; a reset ends every
// session, keeps two-factor sign-in as it was, and is audited.
import { randomBytes } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { forgotPasswordAction } from "@/lib/accounts/actions";
import { resetPasswordAction } from "@/lib/accounts/actions";
import { TOO_MANY_RESETS } from "@/lib/accounts/account-limits";
import { PASSWORD_RESET_DONE, RESET_REQUESTED } from "@/lib/accounts/check-email";
import { inspectPasswordReset, PasswordResetUnusable, resetPassword } from "@/lib/accounts/password-reset";
import { hashLinkToken } from "@/lib/accounts/tokens";
import { verifyPassword } from "@/lib/auth/password";
import { archiveClient } from "@/lib/clients/archive-client";
import { db } from "@/lib/db";
import { createActiveClient, createTherapist, PASSWORD, uniqueEmail } from "@/tests/support/integration-fixtures";
import { formDataOf, outboxFor, tokenFromOutbox, uniqueAddress } from "@/tests/support/recovery-fixtures";

const request = vi.hoisted(() => ({ headers: new Headers(), after: [] as Array<() => unknown> }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  after: (task: () => unknown) => void request.after.push(task),
}));

const NEW_PASSWORD = "violet harbour kettle 9021 drifting";

function callFrom(address: string) {
  request.headers = new Headers({ host: "localhost:3000", "x-forwarded-for": address });
}

beforeEach(() => {
  callFrom(uniqueAddress());
  request.after = [];
});

const ask = (email: string) => forgotPasswordAction(null, formDataOf({ email }));
const resetForm = (token: string, password = NEW_PASSWORD, confirmPassword = password) =>
  formDataOf({ token, password, confirmPassword });

async function openSessions(userId: string, count: number) {
  for (let i = 0; i < count; i++) {
    await db.authSession.create({
      data: { id: randomBytes(32).toString("base64url"), userId, expiresAt: new Date(Date.now() + 3600_000) },
    });
  }
}

describe("asking for a reset link", () => {
  it("answers the same whether or not the address has an account", async () => {
    const { user, email } = await createTherapist();
    const nobody = uniqueEmail("nobody");

    const startedKnown = performance.now();
    const known = await ask(email.toUpperCase());
    const knownMs = performance.now() - startedKnown;
    const startedUnknown = performance.now();
    const unknown = await ask(nobody);
    const unknownMs = performance.now() - startedUnknown;

    expect(known).toEqual({ ok: true, message: RESET_REQUESTED });
    expect(JSON.stringify(unknown)).toBe(JSON.stringify(known));
    expect(knownMs).toBeGreaterThanOrEqual(390);
    expect(unknownMs).toBeGreaterThanOrEqual(390);

    expect(await outboxFor(nobody)).toEqual([]);
    const [message] = await outboxFor(email);
    expect(message).toMatchObject({ kind: "password-reset", practiceId: null });
    expect(message!.subject).toBe("Reset your Trellis password");
    const token = await tokenFromOutbox(email, "/reset-password");
    const [row] = await db.passwordResetToken.findMany({ where: { userId: user.id } });
    expect(row!.tokenHash).toBe(hashLinkToken(token));
    expect(JSON.stringify(row)).not.toContain(token);

    const events = await db.auditEvent.findMany({
      where: { action: "password.reset_requested", OR: [{ actorId: user.id }, { address: request.headers.get("x-forwarded-for") }] },
      orderBy: { createdAt: "asc" },
    });
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ actorId: user.id, practiceId: user.practiceId, subjectId: user.id, outcome: "success" });
    expect(events[1]).toMatchObject({ actorId: null, practiceId: null, outcome: "failure" });
    expect(JSON.stringify(events)).not.toContain(email);
    expect(JSON.stringify(events)).not.toContain(nobody);
  });

  it("makes a link that lasts 30 minutes and replaces any earlier unused one", async () => {
    const { user, email } = await createTherapist();
    const before = Date.now();
    await ask(email);
    const first = await tokenFromOutbox(email, "/reset-password");
    callFrom(uniqueAddress());
    await ask(email);
    const second = await tokenFromOutbox(email, "/reset-password");

    expect(second).not.toBe(first);
    expect(await inspectPasswordReset(first)).toEqual({ status: "used" });
    expect(await inspectPasswordReset(second)).toEqual({ status: "valid" });
    const row = await db.passwordResetToken.findUniqueOrThrow({ where: { tokenHash: hashLinkToken(second) } });
    expect(row.userId).toBe(user.id);
    expect(row.expiresAt.getTime()).toBeGreaterThanOrEqual(before + 30 * 60_000 - 1000);
    expect(row.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 30 * 60_000);
  });

  it("refuses an address after ten requests an hour, and mails one account at most three links", async () => {
    const { email } = await createTherapist();
    const results = await Promise.all(Array.from({ length: 15 }, () => ask(email)));

    expect(results.filter((result) => result.ok)).toHaveLength(10);
    for (const result of results.filter((r) => !r.ok)) expect(result).toMatchObject({ message: TOO_MANY_RESETS });
    expect(await outboxFor(email)).toHaveLength(3);
  }, 60_000);

  it("sends nothing to an archived client, with the same answer", async () => {
    const { scope } = await createTherapist();
    const client = await createActiveClient(scope);
    await archiveClient(scope, client.client.id);

    expect(await ask(client.email)).toEqual({ ok: true, message: RESET_REQUESTED });
    expect(await outboxFor(client.email)).toEqual([]);
  });

  it("flags a malformed address next to the field", async () => {
    expect(await ask("no-at-sign")).toMatchObject({ ok: false, fieldErrors: { email: [expect.any(String)] } });
  });
});

describe("resetting the password", () => {
  async function linkFor(email: string) {
    await ask(email);
    return tokenFromOutbox(email, "/reset-password");
  }

  it("sets the new password, ends every session, keeps two-factor sign-in and is audited", async () => {
    const { user, email } = await createTherapist();
    await db.user.update({ where: { id: user.id }, data: { totpSecret: "JBSWY3DPEHPK3PXP", totpEnabledAt: new Date() } });
    await openSessions(user.id, 3);
    const token = await linkFor(email);

    const result = await resetPasswordAction(null, resetForm(token));

    expect(result).toEqual({ ok: true, message: PASSWORD_RESET_DONE });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(after.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(after.passwordHash, PASSWORD)).toBe(false);
    expect(after.sessionVersion).toBe(1);
    expect(after.totpSecret, "a reset does not switch off the second factor").toBe("JBSWY3DPEHPK3PXP");
    expect(await db.authSession.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
    expect(await db.authSession.count({ where: { userId: user.id } })).toBe(3);
    const events = await db.auditEvent.findMany({ where: { action: "password.reset", subjectId: user.id } });
    expect(events).toEqual([expect.objectContaining({ actorId: user.id, practiceId: user.practiceId, outcome: "success" })]);
  });

  it("works once", async () => {
    const { user, email } = await createTherapist();
    const token = await linkFor(email);
    await resetPassword({ token, password: NEW_PASSWORD });

    const again = resetPassword({ token, password: "someone else's new password" });
    await expect(again).rejects.toBeInstanceOf(PasswordResetUnusable);
    await expect(again).rejects.toMatchObject({ reason: "used" });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(stored.passwordHash, NEW_PASSWORD)).toBe(true);
  });

  it("expires after 30 minutes", async () => {
    const { user, email } = await createTherapist();
    const token = await linkFor(email);
    await db.passwordResetToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });

    expect(await inspectPasswordReset(token)).toEqual({ status: "expired" });
    const result = await resetPasswordAction(null, resetForm(token));
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining("can no longer be used") });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(stored.passwordHash, PASSWORD)).toBe(true);
    expect(stored.sessionVersion).toBe(0);
  });

  it("lets exactly one of two simultaneous uses through", async () => {
    const { user, email } = await createTherapist();
    const token = await linkFor(email);

    const results = await Promise.allSettled([
      resetPassword({ token, password: "first racer's long password" }),
      resetPassword({ token, password: "second racer's long password" }),
    ]);

    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const loser = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(loser.reason).toMatchObject({ reason: "used" });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.sessionVersion).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "password.reset", subjectId: user.id } })).toBe(1);
  });

  it("refuses an unknown or tampered token, and flags a mismatch next to the field", async () => {
    const { email } = await createTherapist();
    const token = await linkFor(email);
    const tampered = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");

    expect(await inspectPasswordReset(tampered)).toEqual({ status: "invalid" });
    expect(await resetPasswordAction(null, resetForm(tampered))).toMatchObject({ ok: false });
    expect(await resetPasswordAction(null, resetForm(token, NEW_PASSWORD, "something else entirely"))).toMatchObject({
      ok: false,
      fieldErrors: { confirmPassword: ["The two passwords do not match."] },
    });
    expect(await inspectPasswordReset(token), "a refused form does not use the link up").toEqual({ status: "valid" });
  });
});
