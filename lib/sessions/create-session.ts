import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { describeDevice } from "./describe-device";

/**
 * Opens the server-side record of a new sign-in. Its id (256 random bits) goes
 * into the session cookie's token; every request checks it against this row,
 * so ending the row ends the session everywhere, whatever the cookie says.
 */
export async function createAuthSession(
  input: { userId: string; userAgent: string | null; address: string | null },
  now = new Date(),
) {
  const expiresAt = new Date(now.getTime() + getEnv().SESSION_MAX_HOURS * 60 * 60 * 1000);
  return db.authSession.create({
    data: {
      id: randomBytes(32).toString("base64url"),
      userId: input.userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      device: describeDevice(input.userAgent),
      address: input.address,
    },
    select: { id: true, expiresAt: true },
  });
}
