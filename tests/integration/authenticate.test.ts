import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { authenticate, TooManyAttempts } from "@/lib/auth/authenticate";
import { archiveClient } from "@/lib/clients/archive-client";
import { db } from "@/lib/db";
import {
  createActiveClient,
  createInvitedClient,
  createTherapist,
  PASSWORD,
  uniqueEmail,
} from "@/tests/support/integration-fixtures";

// Each test signs in from its own address so the per-address limit never
// carries over between tests.
const newAddress = () => `test-${randomUUID()}`;

describe("authenticate", () => {
  it("returns the user for the right email and password", async () => {
    const { user, email } = await createTherapist();

    const result = await authenticate({ email, password: PASSWORD }, newAddress());

    expect(result).toEqual({
      id: user.id,
      role: "THERAPIST",
      sessionVersion: 0,
      name: "Dr Test Therapist",
      email,
    });
  });

  it("treats the email case-insensitively and ignores surrounding spaces", async () => {
    const { user, email } = await createTherapist();

    const result = await authenticate({ email: `  ${email.toUpperCase()} `, password: PASSWORD }, newAddress());

    expect(result?.id).toBe(user.id);
  });

  it("returns null for a wrong password and for an unknown email alike", async () => {
    const { email } = await createTherapist();

    expect(await authenticate({ email, password: `${PASSWORD}!` }, newAddress())).toBeNull();
    expect(await authenticate({ email: uniqueEmail("nobody"), password: PASSWORD }, newAddress())).toBeNull();
  });

  it("returns null for malformed credentials instead of throwing", async () => {
    expect(await authenticate(undefined, newAddress())).toBeNull();
    expect(await authenticate({ email: "not-an-email", password: PASSWORD }, newAddress())).toBeNull();
    expect(await authenticate({ email: uniqueEmail(), password: "" }, newAddress())).toBeNull();
  });

  it("lets an active client sign in as a CLIENT", async () => {
    const { scope } = await createTherapist();
    const client = await createActiveClient(scope);

    const result = await authenticate({ email: client.email, password: client.password }, newAddress());

    expect(result).toMatchObject({ id: client.user.id, role: "CLIENT" });
  });

  it("refuses an archived client even with the right password", async () => {
    const { scope } = await createTherapist();
    const client = await createActiveClient(scope);
    await archiveClient(scope, client.client.id);

    expect(await authenticate({ email: client.email, password: client.password }, newAddress())).toBeNull();
  });

  it("refuses an invited client who has no account yet", async () => {
    const { scope } = await createTherapist();
    const invited = await createInvitedClient(scope);

    expect(await authenticate({ email: invited.email, password: PASSWORD }, newAddress())).toBeNull();
  });
});

describe("sign-in rate limit", () => {
  it("allows 10 attempts per account and address and refuses the 11th from there, even with the right password", async () => {
    const { email } = await createTherapist();
    const address = newAddress();

    for (let attempt = 1; attempt <= 10; attempt++) {
      expect(await authenticate({ email, password: "wrong password!" }, address)).toBeNull();
    }

    await expect(authenticate({ email, password: PASSWORD }, address)).rejects.toBeInstanceOf(TooManyAttempts);
  });

  it("counts the limit per email whatever its case", async () => {
    const email = uniqueEmail("casing");
    const address = newAddress();

    for (let attempt = 1; attempt <= 10; attempt++) {
      const typed = attempt % 2 ? email.toUpperCase() : email;
      expect(await authenticate({ email: typed, password: PASSWORD }, address)).toBeNull();
    }

    await expect(authenticate({ email, password: PASSWORD }, address)).rejects.toBeInstanceOf(TooManyAttempts);
  });

  it("checks at most 10 of 30 parallel wrong guesses from one address (the count is atomic)", async () => {
    const { email } = await createTherapist();
    const address = newAddress();

    const results = await Promise.allSettled(
      Array.from({ length: 30 }, () => authenticate({ email, password: "wrong password!" }, address)),
    );

    // A guess that returned null had its password checked; one refused with
    // TooManyAttempts never reached the check.
    const checked = results.filter((result) => result.status === "fulfilled" && result.value === null);
    const refused = results.filter((result) => result.status === "rejected" && result.reason instanceof TooManyAttempts);
    expect(checked.length).toBeLessThanOrEqual(10);
    expect(checked.length + refused.length).toBe(30);
    expect(checked).toHaveLength(10);
  }, 60_000);

  it("never lets a stranger's 50 failures from other addresses stop the owner from signing in", async () => {
    const { user, email } = await createTherapist();

    // Five batches of ten, each guess from its own address.
    for (let batch = 0; batch < 5; batch++) {
      const results = await Promise.all(
        Array.from({ length: 10 }, () => authenticate({ email, password: "wrong password!" }, newAddress())),
      );
      expect(results.every((result) => result === null)).toBe(true);
    }

    // The account is slowed down (a progressive delay of at most 3 s), never locked.
    const started = Date.now();
    expect((await authenticate({ email, password: PASSWORD }, newAddress()))?.id).toBe(user.id);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_500);

    // The successful sign-in clears the delay for the owner.
    const again = Date.now();
    expect((await authenticate({ email, password: PASSWORD }, newAddress()))?.id).toBe(user.id);
    expect(Date.now() - again).toBeLessThan(2_500);
  }, 60_000);

  it("lets the right password through from another address while one address is refused", async () => {
    const { user, email } = await createTherapist();
    const stranger = newAddress();
    for (let attempt = 1; attempt <= 10; attempt++) {
      expect(await authenticate({ email, password: "wrong password!" }, stranger)).toBeNull();
    }
    await expect(authenticate({ email, password: PASSWORD }, stranger)).rejects.toBeInstanceOf(TooManyAttempts);

    expect((await authenticate({ email, password: PASSWORD }, newAddress()))?.id).toBe(user.id);
  });

  it("limits one address spraying many emails to 100 attempts", async () => {
    const address = newAddress();

    for (let attempt = 1; attempt <= 100; attempt++) {
      expect(await authenticate({ email: uniqueEmail("spray"), password: PASSWORD }, address)).toBeNull();
    }

    await expect(authenticate({ email: uniqueEmail("spray"), password: PASSWORD }, address)).rejects.toBeInstanceOf(
      TooManyAttempts,
    );
  }, 60_000);

  it("clears the account and address counter after a successful sign-in", async () => {
    const { user, email } = await createTherapist();
    const address = newAddress();

    for (let attempt = 1; attempt <= 9; attempt++) {
      expect(await authenticate({ email, password: "wrong password!" }, address)).toBeNull();
    }
    expect((await authenticate({ email, password: PASSWORD }, address))?.id).toBe(user.id);
    expect(await counter(`signin-pair:${email}|${address}`)).toBe(0);

    // Ten fresh attempts are allowed again after the successful one.
    for (let attempt = 1; attempt <= 10; attempt++) {
      expect(await authenticate({ email, password: "wrong password!" }, address)).toBeNull();
    }
    await expect(authenticate({ email, password: PASSWORD }, address)).rejects.toBeInstanceOf(TooManyAttempts);
  });

  it("does not count successful sign-ins against the address, so a shared office is never locked out", async () => {
    const therapists = await Promise.all([createTherapist(), createTherapist(), createTherapist()]);
    const address = newAddress();
    // 105 successful sign-ins from one address: more than the 100 the address may fail.
    for (let attempt = 0; attempt < 105; attempt++) {
      const { user, email } = therapists[attempt % therapists.length]!;
      expect((await authenticate({ email, password: PASSWORD }, address))?.id).toBe(user.id);
    }
    const row = await db.rateLimitCounter.findUnique({ where: { key: `signin-ip:${address}` } });
    expect(row?.count ?? 0).toBe(0);
  }, 60_000);

  it("keeps one locked email from locking out another account on the same address", async () => {
    const other = await createTherapist();
    const address = newAddress();
    const locked = uniqueEmail("locked");
    for (let attempt = 1; attempt <= 10; attempt++) {
      await authenticate({ email: locked, password: PASSWORD }, address);
    }
    await expect(authenticate({ email: locked, password: PASSWORD }, address)).rejects.toBeInstanceOf(TooManyAttempts);

    expect((await authenticate({ email: other.email, password: PASSWORD }, address))?.id).toBe(other.user.id);
  });
});

describe("sign-in audit events", () => {
  it("records one event per attempt: succeeded, failed for a known account, failed without a practice for an unknown e-mail", async () => {
    const { user, email } = await createTherapist();
    const address = newAddress();
    const unknown = uniqueEmail("nobody");

    await authenticate({ email, password: PASSWORD }, address);
    await authenticate({ email, password: "wrong password!" }, address);
    await authenticate({ email: unknown, password: PASSWORD }, address);

    const events = await db.auditEvent.findMany({ where: { address }, orderBy: { createdAt: "asc" } });
    expect(events.map((event) => [event.action, event.outcome, event.actorId, event.practiceId])).toEqual([
      ["sign_in.succeeded", "success", user.id, user.practiceId],
      ["sign_in.failed", "failure", user.id, user.practiceId],
      ["sign_in.failed", "failure", null, null],
    ]);
    // Never the e-mail address, in any field.
    const stored = JSON.stringify(events);
    expect(stored).not.toContain(unknown);
    expect(stored).not.toContain(email);
  });

  it("records a refused (rate-limited) attempt as denied", async () => {
    const { user, email } = await createTherapist();
    const address = newAddress();
    for (let attempt = 1; attempt <= 10; attempt++) await authenticate({ email, password: "wrong password!" }, address);
    await expect(authenticate({ email, password: PASSWORD }, address)).rejects.toBeInstanceOf(TooManyAttempts);

    const events = await db.auditEvent.findMany({ where: { address } });
    expect(events).toHaveLength(11);
    expect(events.filter((event) => event.outcome === "denied")).toEqual([
      expect.objectContaining({ action: "sign_in.failed", actorId: user.id, metadata: { reason: "rate_limited" } }),
    ]);
  });
});

/** A rate-limit counter as stored in PostgreSQL (0 when absent or expired). */
async function counter(key: string) {
  const row = await db.rateLimitCounter.findUnique({ where: { key } });
  return row && row.resetAt > new Date() ? row.count : 0;
}
