import "server-only";
import { CredentialsSignin } from "next-auth";
import { db } from "@/lib/db";
import { signInSchema } from "@/lib/validations/auth";
import { decoyPasswordHash, verifyPassword } from "./password";
import { accountDelayMs, admitSignInAttempt, clearSignInAttempts, recordFailedSignIn } from "./sign-in-throttle";
import { setTimeout as sleep } from "node:timers/promises";
import type { Role } from "@/lib/generated/prisma/enums";

export class TooManyAttempts extends CredentialsSignin {
  code = "rate_limited";
}

export type AuthenticatedUser = { id: string; role: Role; sessionVersion: number; name: string; email: string };

/**
 * Checks an email and password. Every failure looks the same to the caller
 * (null), apart from the rate limit, so nobody can learn who has an account.
 */
export async function authenticate(credentials: unknown, address: string): Promise<AuthenticatedUser | null> {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;

  if (!(await admitSignInAttempt(email, address))) throw new TooManyAttempts();
  const delay = await accountDelayMs(email);
  if (delay > 0) await sleep(delay);

  const user = await db.user.findUnique({
    where: { email },
    select: {
      id: true,
      role: true,
      sessionVersion: true,
      name: true,
      email: true,
      passwordHash: true,
      clientProfile: { select: { status: true } },
    },
  });
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
  // An archived client keeps their account row but can no longer sign in.
  const allowed = user && valid && !(user.role === "CLIENT" && user.clientProfile?.status !== "ACTIVE");
  if (!user || !allowed) {
    await recordFailedSignIn(email);
    return null;
  }

  await clearSignInAttempts(email, address);
  return { id: user.id, role: user.role, sessionVersion: user.sessionVersion, name: user.name, email: user.email };
}
