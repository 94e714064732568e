// Vitest global setup: use the database scripts/test.ts prepared, or start a
// throw-away one when Vitest is run on its own (`npx vitest`).
import { randomBytes } from "node:crypto";
import { startTestDatabase } from "../../scripts/lib/test-database";

export default async function setup() {
  process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
  if (process.env.DATABASE_URL && process.env.TRELLIS_TEST_DATABASE === "1") return;
  const database = await startTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.TRELLIS_TEST_DATABASE = "1";
  return () => database.stop();
}
