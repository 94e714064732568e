import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTherapistAccount, EMAIL_TAKEN } from "@/lib/accounts/create-therapist-account";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { signUpSchema } from "@/lib/validations/auth";
import { createTherapist, PASSWORD, uniqueEmail } from "@/tests/support/integration-fixtures";

function signUpInput(email: string) {
  return signUpSchema.parse({
    name: "Dr Ada Example",
    practiceName: "Example Practice",
    email,
    password: PASSWORD,
    timeZone: "Europe/Berlin",
  });
}

describe("createTherapistAccount", () => {
  it("creates a practice and its therapist, storing the email lower-cased", async () => {
    const mixedCase = `Ada.${randomUUID()}@Example.TEST`;
    const user = await createTherapistAccount(signUpInput(mixedCase));

    expect(user.email).toBe(mixedCase.toLowerCase());
    const stored = await db.user.findUniqueOrThrow({
      where: { id: user.id },
      include: { practice: true },
    });
    expect(stored).toMatchObject({
      email: mixedCase.toLowerCase(),
      role: "THERAPIST",
      name: "Dr Ada Example",
      timeZone: "Europe/Berlin",
      sessionVersion: 0,
      practiceId: user.practiceId,
    });
    expect(stored.practice.name).toBe("Example Practice");
  });

  it("stores an argon2 hash, never the password itself", async () => {
    const { user } = await createTherapist();
    const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });

    expect(passwordHash).not.toContain(PASSWORD);
    expect(passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(passwordHash, PASSWORD)).toBe(true);
  });

  it("records the sign-up in the audit trail", async () => {
    const { user } = await createTherapist();
    const events = await db.auditEvent.findMany({ where: { practiceId: user.practiceId } });

    expect(events).toEqual([
      expect.objectContaining({
        action: "practice.created",
        actorId: user.id,
        subjectType: "Practice",
        subjectId: user.practiceId,
      }),
    ]);
  });

  it("refuses a second account for the same email in another case, leaving no stray practice", async () => {
    const email = uniqueEmail("twice");
    await createTherapistAccount(signUpInput(email));
    const practicesBefore = await db.practice.count();

    const attempt = createTherapistAccount(signUpInput(email.toUpperCase()));

    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ kind: "conflict", fieldErrors: { email: [EMAIL_TAKEN] } });
    expect(await db.user.count({ where: { email } })).toBe(1);
    // The practice was created in the same transaction as the user, so it is rolled back too.
    expect(await db.practice.count()).toBe(practicesBefore);
  });
});

describe("the database itself keeps emails lower-case", () => {
  it("rejects a User with an upper-case email written past validation", async () => {
    const { user } = await createTherapist();

    await expect(
      db.user.create({
        data: {
          email: `Upper-${randomUUID()}@Example.test`,
          name: "Bypass",
          timeZone: "UTC",
          role: "THERAPIST",
          practiceRole: "CLINICIAN",
          passwordHash: "not-a-real-hash",
          practiceId: user.practiceId,
        },
      }),
    ).rejects.toThrow(/User_email_lowercase|check constraint/i);
  });

  it("rejects a raw SQL insert of an upper-case User email", async () => {
    const { user } = await createTherapist();
    const email = `RAW-${randomUUID()}@example.test`;

    await expect(
      db.$executeRaw`INSERT INTO "User" ("id", "email", "passwordHash", "role", "practiceRole", "name", "timeZone", "practiceId", "updatedAt")
        VALUES (${randomUUID()}, ${email}, 'x', 'THERAPIST', 'CLINICIAN', 'Raw', 'UTC', ${user.practiceId}, now())`,
    ).rejects.toThrow(/User_email_lowercase|check constraint/i);
    expect(await db.user.count({ where: { email: { equals: email, mode: "insensitive" } } })).toBe(0);
  });

  it("rejects a Client with an upper-case email written past validation", async () => {
    const { scope } = await createTherapist();

    await expect(
      db.client.create({
        data: {
          practiceId: scope.practiceId,
          therapistId: scope.therapistId,
          displayName: "Bypass",
          email: `Upper-${randomUUID()}@Example.test`,
          timeZone: "UTC",
        },
      }),
    ).rejects.toThrow(/Client_email_lowercase|check constraint/i);
  });
});
