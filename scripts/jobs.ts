// npm run jobs — runs every background job once (lib/jobs/registry.ts: outbox
// delivery, homework reminders) and prints what happened. Safe to run from
// cron as often as every few minutes, also next to running servers: every
// job claims its work in the database, so overlapping runs never send one
// message twice. (A server runs these jobs itself unless BACKGROUND_JOBS=off.)
import { loadDotEnv } from "./lib/load-dotenv";

loadDotEnv();

// Imported after the environment is loaded: lib/db reads it on import.
const { openDatabase, DATA_DIR } = await import("./lib/database");
const { localAuthSecret } = await import("./lib/secret");
const database = await openDatabase();
process.env.DATABASE_URL = database.url;
// lib/env requires AUTH_SECRET even though jobs sign nothing; reuse the local one.
process.env.AUTH_SECRET ??= localAuthSecret(DATA_DIR);
const { backgroundJobs } = await import("@/lib/jobs/registry");
const { db } = await import("@/lib/db");

let failed = false;
try {
  for (const job of backgroundJobs) {
    try {
      const result = await job.run();
      console.log(`[trellis] ${job.name}: ${JSON.stringify(result)}`);
    } catch (error) {
      failed = true;
      console.error(`[trellis] ${job.name} failed:`, error instanceof Error ? error.message : error);
    }
  }
} finally {
  await db.$disconnect();
  await database.close();
}
if (failed) process.exitCode = 1;
