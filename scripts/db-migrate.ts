// npm run db:migrate — applies pending migrations (as the owner role), the
// app role's grants, and refreshes the built-in exercise library (all
// idempotent).
import { openDatabase } from "./lib/database";
import { loadDotEnv } from "./lib/load-dotenv";
import { prepareDatabase } from "./lib/prepare-database";

loadDotEnv();
const db = await openDatabase();
try {
  const { applied, library, warnings } = await prepareDatabase({ migrationUrl: db.migrationUrl, appUrl: db.url });
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database schema is up to date.");
  console.log(`Exercise library: ${library.created} added, ${library.updated} updated.`);
  for (const warning of warnings) console.warn(`Warning: ${warning}`);
} finally {
  await db.close();
}
