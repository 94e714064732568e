import "server-only";
import { db, type Tx } from "@/lib/db";
import { conflict } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { recordEvent } from "@/lib/audit/record-event";
import { isUniqueViolation } from "@/lib/prisma-errors";
import type { z } from "zod";
import type { signUpSchema } from "@/lib/validations/auth";

// Only seeds, benchmarks and tests create an account directly. People sign up
// through an e-mail confirmation (./request-therapist-account.ts), which never
// shows this message to anyone but the owner of the address.
export const EMAIL_TAKEN = "An account with this email already exists. Sign in instead.";

export type NewTherapist = { email: string; name: string; practiceName: string; timeZone: string; passwordHash: string };

/** Creates a practice and its first therapist inside the caller's transaction. */
export async function insertPracticeAndTherapist(tx: Tx, input: NewTherapist) {
  const practice = await tx.practice.create({ data: { name: input.practiceName } });
  const user = await tx.user.create({
    data: {
      email: input.email,
      name: input.name,
      timeZone: input.timeZone,
      role: "THERAPIST",
      // Whoever starts a practice owns it (and treats clients in it).
      practiceRole: "OWNER",
      passwordHash: input.passwordHash,
      practiceId: practice.id,
    },
    select: { id: true, email: true, practiceId: true },
  });
  await recordEvent(tx, {
    practiceId: practice.id,
    actorId: user.id,
    action: "practice.created",
    subjectType: "Practice",
    subjectId: practice.id,
  });
  return user;
}

/** Creates a practice and its first therapist at once (no e-mail confirmation). */
export async function createTherapistAccount(input: z.output<typeof signUpSchema>) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction((tx) => insertPracticeAndTherapist(tx, { ...input, passwordHash }));
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(EMAIL_TAKEN, { email: [EMAIL_TAKEN] });
    throw error;
  }
}
