import "server-only";
import { CredentialsSignin } from "next-auth";
import { z } from "zod";
import type { AuditEventInput } from "@/lib/audit/record-event";
import { recordEvent } from "@/lib/audit/record-event";
import { db } from "@/lib/db";
import { admitCodeAttempt, clearCodeAttempts } from "@/lib/two-factor/throttle";
import { verifySecondFactor, type SecondFactorMethod } from "@/lib/two-factor/verify-code";
import { signInSchema } from "@/lib/validations/auth";
import { decoyPasswordHash, verifyPassword } from "./password";
import { accountDelayMs, admitSignInAttempt, clearSignInAttempts, recordFailedSignIn } from "./sign-in-throttle";
import { setTimeout as sleep } from "node:timers/promises";
import type { Role } from "@/lib/generated/prisma/enums";

export class TooManyAttempts extends CredentialsSignin {
  code = "rate_limited";
}

/** The password was right, but the account has two-step sign-in and no code was given. */
export class SecondFactorRequired extends CredentialsSignin {
  code = "second_factor_required";
}

export type AuthenticatedUser = { id: string; role: Role; sessionVersion: number; name: string; email: string };

// A TOTP code or a recovery code; anything longer is not a code.
const codeSchema = z.object({ code: z.string().max(64).optional().catch(undefined) });

type Account = { id: string; practiceId: string };

/**
 * Checks an email and password, and the second factor when the account has
 * one. Every failure looks the same to the caller (null), apart from the rate
 * limit and "a code is needed", which only a caller who knows the password
 * gets, so nobody can learn who has an account. Each attempt leaves one audit
 * event at most (one INSERT statement), without the e-mail address in it.
 */
export async function authenticate(credentials: unknown, address: string): Promise<AuthenticatedUser | null> {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const code = codeSchema.parse(credentials).code?.trim() || undefined;

  if (!(await admitSignInAttempt(email, address))) {
    const account = await db.user.findUnique({ where: { email }, select: { id: true, practiceId: true } });
    await audit(signInEvent(account, address, "sign_in.failed", "denied", { reason: "rate_limited" }));
    throw new TooManyAttempts();
  }
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
      practiceId: true,
      totpSecret: true,
      deactivatedAt: true,
      clientProfile: { select: { status: true } },
    },
  });
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
  // An archived client, or a colleague who left the practice, keeps their
  // account row but can no longer sign in.
  const allowed =
    user && valid && !user.deactivatedAt && !(user.role === "CLIENT" && user.clientProfile?.status !== "ACTIVE");
  if (!user || !allowed) {
    await recordFailedSignIn(email);
    await audit(signInEvent(user, address, "sign_in.failed", "failure", { reason: "credentials" }));
    return null;
  }

  let method: SecondFactorMethod | "none" = "none";
  if (user.totpSecret) {
    // Nothing is cleared until the code is right too: someone who has the
    // password still gets only the sign-in throttle's tries at the code.
    if (!code) throw new SecondFactorRequired();
    if (!(await admitCodeAttempt(user.id, address))) {
      await audit(signInEvent(user, address, "two_factor.failed", "denied", { reason: "rate_limited", step: "sign_in" }));
      throw new TooManyAttempts();
    }
    const verified = await verifySecondFactor({ id: user.id, totpSecret: user.totpSecret }, code);
    if (!verified) {
      await recordFailedSignIn(email);
      await audit(signInEvent(user, address, "two_factor.failed", "failure", { step: "sign_in" }));
      return null;
    }
    method = verified;
    await clearCodeAttempts(user.id, address);
  }

  await clearSignInAttempts(email, address);
  const succeeded = signInEvent(user, address, "sign_in.succeeded", "success", { secondFactor: method });
  await audit(
    succeeded,
    ...(method === "recovery_code" ? [{ ...succeeded, action: "two_factor.recovery_code_used" as const }] : []),
  );
  return { id: user.id, role: user.role, sessionVersion: user.sessionVersion, name: user.name, email: user.email };
}

function signInEvent(
  account: Account | null,
  address: string,
  action: AuditEventInput["action"],
  outcome: NonNullable<AuditEventInput["outcome"]>,
  metadata: Record<string, string>,
): AuditEventInput {
  // An unknown e-mail belongs to no practice; the address it was typed from
  // is kept, the e-mail itself never is.
  return {
    practiceId: account?.practiceId ?? null,
    actorId: account?.id ?? null,
    action,
    subjectType: "user",
    subjectId: account?.id ?? "unknown",
    outcome,
    address,
    metadata,
  };
}

/** One INSERT for the attempt, even when it records two events (a recovery code used to sign in). */
async function audit(...events: AuditEventInput[]): Promise<void> {
  if (events.length === 1) {
    await recordEvent(undefined, events[0]!);
    return;
  }
  await db.auditEvent.createMany({
    data: events.map((event) => ({
      practiceId: event.practiceId,
      actorId: event.actorId,
      action: event.action,
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      outcome: event.outcome ?? "success",
      address: event.address ?? null,
      metadata: event.metadata,
    })),
  });
}
