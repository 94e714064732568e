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
  it("allows 10 attempts per email in the window and refuses the 11th, even with the right password", async () => {
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

  it("counts per email across addresses, so changing address does not reset it", async () => {
    const email = uniqueEmail("spread");

    for (let attempt = 1; attempt <= 10; attempt++) {
      expect(await authenticate({ email, password: PASSWORD }, newAddress())).toBeNull();
    }

    await expect(authenticate({ email, password: PASSWORD }, newAddress())).rejects.toBeInstanceOf(TooManyAttempts);
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

  it("does not count successful sign-ins against the address, so a shared office is never locked out", async () => {
    const { user, email } = await createTherapist();
    const address = newAddress();
    await expectAddressFailures(address, 0);
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect((await authenticate({ email, password: PASSWORD }, address))?.id).toBe(user.id);
    }
    await expectAddressFailures(address, 0);
    expect(await authenticate({ email, password: "wrong password!" }, address)).toBeNull();
    await expectAddressFailures(address, 1);
  });

  it("clears the per-email counter after a successful sign-in", async () => {
    const { user, email } = await createTherapist();
    const address = newAddress();

    for (let attempt = 1; attempt <= 9; attempt++) {
      expect(await authenticate({ email, password: "wrong password!" }, address)).toBeNull();
    }
    expect((await authenticate({ email, password: PASSWORD }, address))?.id).toBe(user.id);

    // Ten fresh attempts are allowed again after the successful one.
    for (let attempt = 1; attempt <= 10; attempt++) {
      expect(await authenticate({ email, password: "wrong password!" }, address)).toBeNull();
    }
    await expect(authenticate({ email, password: PASSWORD }, address)).rejects.toBeInstanceOf(TooManyAttempts);
  });

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

/** The per-address failure counter as stored in PostgreSQL. */
async function expectAddressFailures(address: string, expected: number) {
  const row = await db.rateLimiterFlexible.findUnique({ where: { key: `signin-ip:${address}` } });
  expect(row?.points ?? 0).toBe(expected);
}
