import "server-only";
import { db } from "@/lib/db";
import { conflict } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { recordEvent } from "@/lib/audit/record-event";
import { isUniqueViolation } from "@/lib/prisma-errors";
import type { z } from "zod";
import type { signUpSchema } from "@/lib/validations/auth";

export const EMAIL_TAKEN = "An account with this email already exists. Sign in instead.";

/** Creates a practice and its first therapist. */
export async function createTherapistAccount(input: z.output<typeof signUpSchema>) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const practice = await tx.practice.create({ data: { name: input.practiceName } });
      const user = await tx.user.create({
        data: {
          email: input.email,
          name: input.name,
          timeZone: input.timeZone,
          role: "THERAPIST",
          passwordHash,
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
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(EMAIL_TAKEN, { email: [EMAIL_TAKEN] });
    throw error;
  }
}
