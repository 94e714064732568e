import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

// A load balancer must learn quickly that this instance cannot serve: a hung
// database answers nothing, so the check gives up after this long.
const HEALTH_TIMEOUT_MS = 2_000;

class HealthTimeout extends Error {}

/** 200 when this instance reaches the database within two seconds, else 503. */
export async function GET() {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HealthTimeout()), HEALTH_TIMEOUT_MS);
  });
  try {
    await Promise.race([db.$queryRaw`select 1`, timeout]);
    return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    const reason = error instanceof HealthTimeout ? "database did not answer in time" : "database unreachable";
    return Response.json({ status: "unavailable", reason }, { status: 503, headers: { "Cache-Control": "no-store" } });
  } finally {
    clearTimeout(timer);
  }
}
