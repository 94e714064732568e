// npm run jobs — runs the background jobs once (today: homework reminders)
// and prints what happened. Safe to run from cron as often as every few
// minutes: a reminder is claimed in the database before it is sent, so
// overlapping runs never send one twice.
import { loadDotEnv } from "./lib/load-dotenv";

loadDotEnv();

// Imported after the environment is loaded: lib/db reads it on import.
const { openDatabase, DATA_DIR } = await import("./lib/database");
const { localAuthSecret } = await import("./lib/secret");
const database = await openDatabase();
process.env.DATABASE_URL = database.url;
// lib/env requires AUTH_SECRET even though jobs sign nothing; reuse the local one.
process.env.AUTH_SECRET ??= localAuthSecret(DATA_DIR);
const { runReminders } = await import("@/lib/reminders/run-reminders");
const { db } = await import("@/lib/db");

try {
  const counts = await runReminders();
  console.log(
    `[trellis] Reminders: ${counts.considered} considered, ${counts.sent} sent, ${counts.skipped} skipped (already sent by another run).`,
  );
} finally {
  await db.$disconnect();
  await database.close();
}
