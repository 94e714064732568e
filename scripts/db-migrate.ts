// npm run db:migrate — applies pending migrations (idempotent).
import { openDatabase } from "./lib/database";
import { applyMigrations } from "./lib/schema-engine";

const db = await openDatabase();
try {
  const applied = await applyMigrations(db.url);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
} finally {
  await db.close();
}
