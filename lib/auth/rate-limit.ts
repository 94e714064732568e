import "server-only";
import { RateLimiterPrisma } from "rate-limiter-flexible";
import { db } from "@/lib/db";

// Failed sign-ins are counted in PostgreSQL, so the limit holds across app
// instances. Two keys: per account (guessing one person's password) and per
// address (spraying many accounts). Successful sign-ins are not counted, so
// a busy practice behind one office address is never locked out by its own use.
const WINDOW_SECONDS = 15 * 60;

const perEmail = new RateLimiterPrisma({
  storeClient: db,
  tableName: "rateLimiterFlexible",
  keyPrefix: "signin-email",
  points: 10,
  duration: WINDOW_SECONDS,
});

const perAddress = new RateLimiterPrisma({
  storeClient: db,
  tableName: "rateLimiterFlexible",
  keyPrefix: "signin-ip",
  points: 100,
  duration: WINDOW_SECONDS,
});

/** False when this email or address has failed too often recently. */
export async function allowSignInAttempt(email: string, address: string): Promise<boolean> {
  const [byEmail, byAddress] = await Promise.all([perEmail.get(email), perAddress.get(address)]);
  return (byEmail?.consumedPoints ?? 0) < perEmail.points && (byAddress?.consumedPoints ?? 0) < perAddress.points;
}

export async function recordFailedSignIn(email: string, address: string): Promise<void> {
  // Rejections only mean the counter is already over its limit.
  await Promise.allSettled([perEmail.consume(email), perAddress.consume(address)]);
}

export async function clearSignInAttempts(email: string): Promise<void> {
  await perEmail.delete(email);
}
