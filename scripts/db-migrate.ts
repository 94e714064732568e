// npm run db:migrate — applies pending migrations and refreshes the built-in
// exercise library (both idempotent).
import { openDatabase } from "./lib/database";
import { loadDotEnv } from "./lib/load-dotenv";
import { prepareDatabase } from "./lib/prepare-database";

loadDotEnv();
const db = await openDatabase();
try {
  const { applied, library } = await prepareDatabase(db.url);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database schema is up to date.");
  console.log(`Exercise library: ${library.created} added, ${library.updated} updated.`);
} finally {
  await db.close();
}
