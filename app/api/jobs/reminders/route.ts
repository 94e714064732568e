// For a scheduler (cron, a platform's scheduled job) to run the reminder
// job: POST with `Authorization: Bearer $JOBS_SECRET`. Off (404) unless
// JOBS_SECRET is configured, so a deployment never exposes it by accident.
import { createHash, timingSafeEqual } from "node:crypto";
import { getEnv } from "@/lib/env";
import { runReminders } from "@/lib/reminders/run-reminders";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const secret = getEnv().JOBS_SECRET;
  if (!secret) return Response.json({ error: "Not found" }, { status: 404 });
  if (!hasToken(request.headers.get("authorization"), secret)) {
    return Response.json({ error: "Unauthorized" }, { status: 401, headers: { "WWW-Authenticate": "Bearer" } });
  }
  return Response.json(await runReminders());
}

function hasToken(header: string | null, secret: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  // Hashing first gives equal-length buffers, so the comparison takes the
  // same time whatever the token's length or how much of it is right.
  const given = createHash("sha256").update(match?.[1] ?? "").digest();
  const expected = createHash("sha256").update(secret).digest();
  return timingSafeEqual(given, expected) && match !== null;
}
