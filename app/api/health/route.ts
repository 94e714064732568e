import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

// For load balancers: 200 when this instance can reach the database.
export async function GET() {
  try {
    await db.$queryRaw`select 1`;
    return Response.json({ status: "ok" });
  } catch {
    return Response.json({ status: "unavailable" }, { status: 503 });
  }
}
