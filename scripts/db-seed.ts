// npm run db:seed — adds the demo practice. `--if-empty` (used by npm start)
// does nothing when it is already there.
import { loadDotEnv } from "./lib/load-dotenv";

loadDotEnv();
const ifEmpty = process.argv.includes("--if-empty");

// Imported after the environment is loaded: lib/db reads it on import.
const { openDatabase, DATA_DIR } = await import("./lib/database");
const { localAuthSecret } = await import("./lib/secret");
const database = await openDatabaseForSeed();
process.env.DATABASE_URL = database.url;
process.env.AUTH_SECRET ??= localAuthSecret(DATA_DIR);
const { demoPracticeExists, seedDemoPractice } = await import("./seed/seed-demo-practice");
const { db } = await import("@/lib/db");

try {
  if (await demoPracticeExists()) {
    console.log(ifEmpty ? "[trellis] Demo data is already in place." : "The demo practice already exists; nothing to do.");
  } else {
    await seedDemoPractice();
    console.log("[trellis] Seeded the demo practice.");
  }
} finally {
  await db.$disconnect();
  await database.close();
}

async function openDatabaseForSeed() {
  // Under `npm start` the cluster is already running and DATABASE_URL is set.
  return openDatabase();
}
