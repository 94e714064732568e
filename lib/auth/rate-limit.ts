import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "@/lib/db";

// Counted in PostgreSQL so the limit holds across app instances. Two keys:
// per account (guessing one person's password) and per address (spraying).
const perEmail = new RateLimiterPrisma({
  storeClient: db,
  tableName: "rateLimiterFlexible",
  keyPrefix: "signin-email",
  points: 10,
  duration: 15 * 60,
});

const perAddress = new RateLimiterPrisma({
  storeClient: db,
  tableName: "rateLimiterFlexible",
  keyPrefix: "signin-ip",
  points: 100,
  duration: 15 * 60,
});

/** Counts a sign-in attempt; returns false when the caller must wait. */
export async function allowSignInAttempt(email: string, address: string): Promise<boolean> {
  try {
    await Promise.all([perEmail.consume(email), perAddress.consume(address)]);
    return true;
  } catch (error) {
    if (error instanceof RateLimiterRes) return false;
    throw error;
  }
}

export async function clearSignInAttempts(email: string): Promise<void> {
  await perEmail.delete(email);
}
