import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { authenticate, SecondFactorRequired, TooManyAttempts } from "@/lib/auth/authenticate";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TwoFactorCaller } from "@/lib/two-factor/caller";
import { TOO_MANY_TRIES } from "@/lib/two-factor/code-failure";
import { confirmTwoFactorEnrolment } from "@/lib/two-factor/confirm-enrolment";
import { disableTwoFactor } from "@/lib/two-factor/disable-two-factor";
import { mustEnrolTwoFactor } from "@/lib/two-factor/enforcement";
import { getTwoFactorStatus } from "@/lib/two-factor/get-two-factor-status";
import { hashRecoveryCode, normaliseRecoveryCode, readSecondFactorCode } from "@/lib/two-factor/recovery-codes";
import { regenerateRecoveryCodes } from "@/lib/two-factor/regenerate-recovery-codes";
import { setPracticeTwoFactorRequirement } from "@/lib/two-factor/set-practice-requirement";
import { startTwoFactorEnrolment } from "@/lib/two-factor/start-enrolment";
import { matchTotpStep, newTotpSecret, readableTotpSecret, totpCodeAt, totpStep } from "@/lib/two-factor/totp";
import { acceptTotpCode } from "@/lib/two-factor/verify-code";
import { createActiveClient, createTherapist, PASSWORD } from "@/tests/support/integration-fixtures";

const STEP_MS = 30_000;
const newAddress = () => `test-${randomUUID()}`;

type Person = { user: { id: string; practiceId: string }; email: string };

function callerFor(person: Person, overrides: Partial<TwoFactorCaller> = {}): TwoFactorCaller {
  return { userId: person.user.id, practiceId: person.user.practiceId, address: newAddress(), ...overrides };
}

async function openSession(userId: string) {
  return db.authSession.create({
    data: { id: randomBytes(32).toString("base64url"), userId, expiresAt: new Date(Date.now() + 3_600_000) },
  });
}

async function pendingSecretOf(userId: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { totpPendingSecret: true } });
  return user.totpPendingSecret!;
}

/** A therapist with two-step sign-in on; the step used to confirm is moved back so the current code works once more. */
async function enrolledTherapist() {
  const therapist = await createTherapist();
  const caller = callerFor(therapist);
  await startTwoFactorEnrolment(caller);
  const secret = await pendingSecretOf(therapist.user.id);
  const { recoveryCodes } = await confirmTwoFactorEnrolment(caller, totpCodeAt(secret));
  await allowCurrentCodeAgain(therapist.user.id);
  return { ...therapist, caller, secret, recoveryCodes };
}

async function allowCurrentCodeAgain(userId: string) {
  await db.user.update({ where: { id: userId }, data: { totpLastStep: totpStep() - 5 } });
}

async function eventsOf(userId: string, action?: string) {
  return db.auditEvent.findMany({ where: { actorId: userId, ...(action ? { action } : {}) }, orderBy: { createdAt: "asc" } });
}

async function expectAppError(promise: Promise<unknown>, message?: string | RegExp) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  if (message) expect((error as AppError).message).toMatch(message);
  return error as AppError;
}

describe("TOTP codes (RFC 6238)", () => {
  it("accepts the current code and one step either side, but not two steps away", () => {
    const secret = newTotpSecret();
    const now = Date.now();
    const step = totpStep(now);
    expect(matchTotpStep(secret, totpCodeAt(secret, now), now)).toBe(step);
    expect(matchTotpStep(secret, totpCodeAt(secret, now - STEP_MS), now)).toBe(step - 1);
    expect(matchTotpStep(secret, totpCodeAt(secret, now + STEP_MS), now)).toBe(step + 1);
    expect(matchTotpStep(secret, totpCodeAt(secret, now - 2 * STEP_MS), now)).toBeNull();
    expect(matchTotpStep(secret, totpCodeAt(secret, now + 2 * STEP_MS), now)).toBeNull();
    expect(matchTotpStep(newTotpSecret(), totpCodeAt(secret, now), now)).toBeNull();
  });

  it("matches the RFC 6238 test vector for SHA-1 (6 digits)", () => {
    // RFC 6238 appendix B: secret "12345678901234567890", T = 59 s → 94287082 (8 digits), so 287082 for 6.
    const secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    expect(totpCodeAt(secret, 59_000)).toBe("287082");
    expect(totpCodeAt(secret, 1_111_111_109_000)).toBe("081804");
  });

  it("makes 160-bit secrets, sealed for storage so the stored value alone gives no codes", () => {
    const stored = newTotpSecret();
    const secret = readableTotpSecret(stored);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(stored).toMatch(/^v1\./);
    expect(stored).not.toContain(secret);
    expect(readableTotpSecret(newTotpSecret())).not.toBe(secret);
    // Codes are the same whether computed from the stored or the readable form.
    expect(totpCodeAt(stored, 59_000)).toBe(totpCodeAt(secret, 59_000));
  });

  it("refuses a sealed secret that was tampered with", () => {
    const stored = newTotpSecret();
    const parts = stored.split(".");
    parts[3] = Buffer.from("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").toString("base64url");
    expect(() => readableTotpSecret(parts.join("."))).toThrow();
  });

  it("rejects a code that was already used, and any older step after a newer one", async () => {
    const { user, secret } = await enrolledTherapist();
    const now = Date.now();
    const code = totpCodeAt(secret, now);
    expect(await acceptTotpCode(user.id, secret, code, now)).toBe(true);
    expect(await acceptTotpCode(user.id, secret, code, now)).toBe(false);
    expect(await acceptTotpCode(user.id, secret, totpCodeAt(secret, now - STEP_MS), now)).toBe(false);
    expect(await acceptTotpCode(user.id, secret, totpCodeAt(secret, now + STEP_MS), now)).toBe(true);
    expect(await acceptTotpCode(user.id, secret, totpCodeAt(secret, now), now)).toBe(false);
  });

  it("lets only one of two parallel uses of the same code through", async () => {
    const { user, secret } = await enrolledTherapist();
    const code = totpCodeAt(secret);
    const results = await Promise.all(Array.from({ length: 8 }, () => acceptTotpCode(user.id, secret, code)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});

describe("recovery codes", () => {
  it("reads codes typed with capitals, spaces or look-alike letters", () => {
    expect(readSecondFactorCode("123 456")).toEqual({ kind: "totp", code: "123456" });
    expect(readSecondFactorCode(" ABCDE-FGH0O ")).toEqual({ kind: "recovery", canonical: "abcdefgh00" });
    expect(normaliseRecoveryCode("abcde-fghIL")).toBe("abcdefgh11");
    expect(readSecondFactorCode("abcd")).toBeNull();
    expect(readSecondFactorCode("abcde-fghu1")).toBeNull();
    expect(readSecondFactorCode("12345\u0000")).toBeNull();
  });

  it("are 10 different codes, shown once, stored only as SHA-256", async () => {
    const { user, recoveryCodes } = await enrolledTherapist();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/);

    const stored = await db.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored.map((row) => row.codeHash).sort()).toEqual(
      recoveryCodes.map((code) => hashRecoveryCode(normaliseRecoveryCode(code)!)).sort(),
    );
    const storedText = JSON.stringify(stored);
    for (const code of recoveryCodes) expect(storedText).not.toContain(code.replace("-", ""));
  });

  it("signs in once with a recovery code, and never again with the same one", async () => {
    const { user, email, recoveryCodes } = await enrolledTherapist();
    const address = newAddress();
    const code = recoveryCodes[3]!.toUpperCase();

    expect((await authenticate({ email, password: PASSWORD, code }, address))?.id).toBe(user.id);
    expect(await authenticate({ email, password: PASSWORD, code }, address)).toBeNull();
    expect((await getTwoFactorStatus({ userId: user.id })).recoveryCodesLeft).toBe(9);
    const used = await eventsOf(user.id, "two_factor.recovery_code_used");
    expect(used).toHaveLength(1);
    expect(used[0]).toMatchObject({ address, outcome: "success", practiceId: user.practiceId });
  });

  it("lets only one of two parallel sign-ins with the same recovery code through", async () => {
    const { user, email, recoveryCodes } = await enrolledTherapist();
    const code = recoveryCodes[0]!;
    const results = await Promise.all([
      authenticate({ email, password: PASSWORD, code }, newAddress()),
      authenticate({ email, password: PASSWORD, code }, newAddress()),
    ]);
    expect(results.filter((result) => result?.id === user.id)).toHaveLength(1);
    expect(results.filter((result) => result === null)).toHaveLength(1);
  });

  it("are replaced for a current code, and the old ones stop working", async () => {
    const { user, email, caller, secret, recoveryCodes } = await enrolledTherapist();
    await expectAppError(regenerateRecoveryCodes(caller, "000000"), /didn't work/);

    const { recoveryCodes: fresh } = await regenerateRecoveryCodes(caller, totpCodeAt(secret));
    expect(fresh).toHaveLength(10);
    expect(fresh.some((code) => recoveryCodes.includes(code))).toBe(false);
    expect(await authenticate({ email, password: PASSWORD, code: recoveryCodes[0]! }, newAddress())).toBeNull();
    expect((await authenticate({ email, password: PASSWORD, code: fresh[0]! }, newAddress()))?.id).toBe(user.id);
    expect(await eventsOf(user.id, "two_factor.recovery_codes_regenerated")).toHaveLength(1);
  });
});

describe("setting up two-step sign-in", () => {
  it("keeps a pending secret until a first code confirms it, then turns it on and ends other sessions", async () => {
    const therapist = await createTherapist();
    const here = await openSession(therapist.user.id);
    const elsewhere = await openSession(therapist.user.id);
    const caller = callerFor(therapist, { sessionId: here.id });

    await startTwoFactorEnrolment(caller);
    const status = await getTwoFactorStatus({ userId: therapist.user.id });
    expect(status.enabled).toBe(false);
    expect(status.pending?.uri).toMatch(/^otpauth:\/\/totp\/Trellis:.+\?.*secret=[A-Z2-7]{32}/);
    // Not on yet: a password alone still signs in.
    expect((await authenticate({ email: therapist.email, password: PASSWORD }, newAddress()))?.id).toBe(therapist.user.id);

    const secret = status.pending!.secret;
    await expectAppError(confirmTwoFactorEnrolment(caller, totpCodeAt(secret, Date.now() - 3 * STEP_MS)), /didn't match/);
    expect(await eventsOf(therapist.user.id, "two_factor.failed")).toHaveLength(1);

    const { recoveryCodes } = await confirmTwoFactorEnrolment(caller, totpCodeAt(secret));
    expect(recoveryCodes).toHaveLength(10);
    const user = await db.user.findUniqueOrThrow({ where: { id: therapist.user.id } });
    expect(user).toMatchObject({ totpPendingSecret: null, totpLastStep: expect.any(Number) });
    // Stored encrypted: the row never holds the secret the app showed.
    expect(user.totpSecret).not.toContain(secret);
    expect(readableTotpSecret(user.totpSecret!)).toBe(secret);
    expect(user.totpEnabledAt).toBeInstanceOf(Date);

    const sessions = await db.authSession.findMany({ where: { userId: therapist.user.id } });
    expect(sessions.find((session) => session.id === here.id)?.revokedAt).toBeNull();
    expect(sessions.find((session) => session.id === elsewhere.id)?.revokedAt).toBeInstanceOf(Date);
    expect(await eventsOf(therapist.user.id, "two_factor.enabled")).toHaveLength(1);

    // The code that confirmed enrolment cannot sign in (it was used).
    await expect(authenticate({ email: therapist.email, password: PASSWORD }, newAddress())).rejects.toBeInstanceOf(
      SecondFactorRequired,
    );
  });

  it("cannot be confirmed twice or without starting", async () => {
    const therapist = await createTherapist();
    const caller = callerFor(therapist);
    await expectAppError(confirmTwoFactorEnrolment(caller, "123456"), /Start again/);
    const { caller: enrolled, secret } = await enrolledTherapist();
    await expectAppError(confirmTwoFactorEnrolment(enrolled, totpCodeAt(secret)), /Start again/);
    await expectAppError(startTwoFactorEnrolment(enrolled), /already on/);
  });

  it("is optional for a client", async () => {
    const { scope } = await createTherapist();
    const client = await createActiveClient(scope);
    const caller = { userId: client.user.id, practiceId: scope.practiceId, address: newAddress() };
    await startTwoFactorEnrolment(caller);
    const secret = await pendingSecretOf(client.user.id);
    await confirmTwoFactorEnrolment(caller, totpCodeAt(secret));
    await expect(authenticate({ email: client.email, password: PASSWORD }, newAddress())).rejects.toBeInstanceOf(
      SecondFactorRequired,
    );
    expect(await mustEnrolTwoFactor(client.user.id)).toBe(false);
  });
});

describe("signing in with a second factor", () => {
  it("asks for a code after the right password, and only then", async () => {
    const { email } = await enrolledTherapist();
    await expect(authenticate({ email, password: PASSWORD }, newAddress())).rejects.toBeInstanceOf(SecondFactorRequired);
    await expect(authenticate({ email, password: PASSWORD, code: "" }, newAddress())).rejects.toBeInstanceOf(
      SecondFactorRequired,
    );
    // A wrong password never reveals that the account has a second factor.
    expect(await authenticate({ email, password: "wrong password!" }, newAddress())).toBeNull();
    expect(await authenticate({ email, password: "wrong password!", code: "123456" }, newAddress())).toBeNull();
  });

  it("signs in with a valid code, refuses a wrong one and the same code again", async () => {
    const { user, email, secret } = await enrolledTherapist();
    const address = newAddress();
    const code = totpCodeAt(secret);
    const wrong = code === "000000" ? "111111" : "000000";

    expect(await authenticate({ email, password: PASSWORD, code: wrong }, address)).toBeNull();
    expect((await authenticate({ email, password: PASSWORD, code }, address))?.id).toBe(user.id);
    expect(await authenticate({ email, password: PASSWORD, code }, address)).toBeNull();

    const failed = await eventsOf(user.id, "two_factor.failed");
    expect(failed).toHaveLength(2);
    expect(failed.every((event) => event.outcome === "failure" && event.address === address)).toBe(true);
    const succeeded = await eventsOf(user.id, "sign_in.succeeded");
    expect(succeeded.at(-1)?.metadata).toEqual({ secondFactor: "totp" });
  });

  it("throttles wrong codes at sign-in like passwords", async () => {
    const { email, secret } = await enrolledTherapist();
    const address = newAddress();
    // Every attempt counts once against the 10 per account and address.
    for (let attempt = 1; attempt <= 10; attempt++) {
      expect(await authenticate({ email, password: PASSWORD, code: "000000" === totpCodeAt(secret) ? "111111" : "000000" }, address)).toBeNull();
    }
    await expect(authenticate({ email, password: PASSWORD, code: totpCodeAt(secret) }, address)).rejects.toBeInstanceOf(
      TooManyAttempts,
    );
  });
});

describe("throttling wrong codes on the account page", () => {
  it("refuses the 11th try from one address, even with the right code, but not another address", async () => {
    const { user, caller, secret } = await enrolledTherapist();
    for (let attempt = 1; attempt <= 10; attempt++) {
      await expectAppError(regenerateRecoveryCodes(caller, "abcde-abcde"), /didn't work/);
    }
    await expectAppError(regenerateRecoveryCodes(caller, totpCodeAt(secret)), TOO_MANY_TRIES);
    const denied = await eventsOf(user.id, "two_factor.failed");
    expect(denied.filter((event) => event.outcome === "failure")).toHaveLength(10);
    expect(denied.filter((event) => event.outcome === "denied")).toHaveLength(1);

    const { recoveryCodes } = await regenerateRecoveryCodes({ ...caller, address: newAddress() }, totpCodeAt(secret));
    expect(recoveryCodes).toHaveLength(10);
  });

  it("counts 30 parallel wrong codes atomically: at most 10 are checked", async () => {
    const { user, caller } = await enrolledTherapist();
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, () => regenerateRecoveryCodes(caller, "abcde-abcde")),
    );
    const messages = results.map((result) => (result.status === "rejected" ? (result.reason as Error).message : "ok"));
    expect(messages.filter((message) => message === TOO_MANY_TRIES)).toHaveLength(20);
    expect(await eventsOf(user.id, "two_factor.failed").then((events) => events.filter((e) => e.outcome === "failure"))).toHaveLength(10);
  });
});

describe("turning two-step sign-in off", () => {
  it("needs the password and a code, and uses no code when the password is wrong", async () => {
    const { user, email, caller, secret, recoveryCodes } = await enrolledTherapist();
    const elsewhere = await openSession(user.id);

    await expectAppError(disableTwoFactor(caller, { password: "wrong password!", code: recoveryCodes[0]! }), /don't match/);
    await expectAppError(disableTwoFactor(caller, { password: PASSWORD, code: "abcde-abcde" }), /don't match/);
    expect((await getTwoFactorStatus({ userId: user.id })).enabled).toBe(true);
    // The recovery code sent with the wrong password was not used up.
    expect((await getTwoFactorStatus({ userId: user.id })).recoveryCodesLeft).toBe(10);

    await disableTwoFactor(caller, { password: PASSWORD, code: totpCodeAt(secret) });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toMatchObject({ totpSecret: null, totpEnabledAt: null });
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect((await db.authSession.findUniqueOrThrow({ where: { id: elsewhere.id } })).revokedAt).toBeInstanceOf(Date);
    expect(await eventsOf(user.id, "two_factor.disabled")).toHaveLength(1);
    expect((await authenticate({ email, password: PASSWORD }, newAddress()))?.id).toBe(user.id);
  });

  it("works with a recovery code instead of the app", async () => {
    const { user, caller, recoveryCodes } = await enrolledTherapist();
    await disableTwoFactor(caller, { password: PASSWORD, code: recoveryCodes[9]! });
    expect((await getTwoFactorStatus({ userId: user.id })).enabled).toBe(false);
  });
});

describe("a practice that requires two-step sign-in", () => {
  it("sends its therapists without it to enrolment, and lets them off once they have it", async () => {
    const therapist = await createTherapist();
    const caller = callerFor(therapist);
    const scope = { therapistId: therapist.user.id, practiceId: therapist.user.practiceId, address: caller.address };

    await expectAppError(setPracticeTwoFactorRequirement(scope, true), /yourself first/);
    expect(await mustEnrolTwoFactor(therapist.user.id)).toBe(false);

    await startTwoFactorEnrolment(caller);
    await confirmTwoFactorEnrolment(caller, totpCodeAt(await pendingSecretOf(therapist.user.id)));
    expect(await setPracticeTwoFactorRequirement(scope, true)).toEqual({ changed: true });
    expect(await setPracticeTwoFactorRequirement(scope, true)).toEqual({ changed: false });
    expect(await eventsOf(therapist.user.id, "practice.two_factor_required")).toHaveLength(1);
    expect(await mustEnrolTwoFactor(therapist.user.id)).toBe(false);
    expect((await getTwoFactorStatus({ userId: therapist.user.id })).required).toBe(true);

    // Turning it off for yourself is refused while the practice requires it.
    await expectAppError(disableTwoFactor(caller, { password: PASSWORD, code: "123456" }), /requires/);

    // Without a secret (e.g. reset by an administrator), the therapist must enrol again.
    await db.user.update({ where: { id: therapist.user.id }, data: { totpSecret: null } });
    expect(await mustEnrolTwoFactor(therapist.user.id)).toBe(true);

    await db.user.update({ where: { id: therapist.user.id }, data: { totpSecret: newTotpSecret() } });
    expect(await setPracticeTwoFactorRequirement(scope, false)).toEqual({ changed: true });
    expect(await eventsOf(therapist.user.id, "practice.two_factor_optional")).toHaveLength(1);
  });

  it("cannot be changed by a therapist of another practice", async () => {
    const owner = await createTherapist();
    const stranger = await createTherapist();
    await expectAppError(
      setPracticeTwoFactorRequirement(
        { therapistId: stranger.user.id, practiceId: owner.user.practiceId, address: newAddress() },
        true,
      ),
    );
    const practice = await db.practice.findUniqueOrThrow({ where: { id: owner.user.practiceId } });
    expect(practice.requireTwoFactor).toBe(false);
  });
});
