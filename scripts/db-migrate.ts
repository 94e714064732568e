// npm run db:migrate — applies pending migrations (as the owner role), the
// app role's grants, and refreshes the built-in exercise library (all
// idempotent). On the embedded cluster a database that holds data is backed
// up first (.data/backups/).
//
// npm run db:migrate -- --resolve NAME — after NAME failed and its file was
// fixed (or removed): marks it rolled back, as `prisma migrate resolve
// --rolled-back` does, then applies the migrations again.
import path from "node:path";
import { openDatabase } from "./lib/database";
import { loadDotEnv } from "./lib/load-dotenv";
import { embeddedBackups, prepareDatabase } from "./lib/prepare-database";
import { failedMigrations, MigrationFailed, MIGRATIONS_DIR, resolveRolledBack } from "./lib/schema-engine";

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  if (at === -1) return undefined;
  const value = process.argv[at + 1];
  if (!value || value.startsWith("--")) {
    console.error(`${name} needs a value. Usage: npm run db:migrate [-- --resolve MIGRATION_NAME]`);
    process.exit(2);
  }
  return value;
}

const resolve = option("--resolve");
// For tests: another migrations folder.
const migrationsDir = path.resolve(option("--migrations-dir") ?? MIGRATIONS_DIR);

loadDotEnv();
const db = await openDatabase();
try {
  if (resolve) {
    if (await resolveRolledBack(db.migrationUrl, resolve)) {
      console.log(`Marked ${resolve} as rolled back; applying migrations again.`);
    } else {
      const failed = await failedMigrations(db.migrationUrl);
      console.error(
        failed.length
          ? `${resolve} is not a failed migration. Failed: ${failed.map((row) => row.migration_name).join(", ")}.`
          : `${resolve} is not a failed migration, and none has failed: nothing to resolve.`,
      );
      process.exitCode = 1;
    }
  }
  if (!process.exitCode) {
    const { applied, library, warnings } = await prepareDatabase(
      { migrationUrl: db.migrationUrl, appUrl: db.url },
      {
        migrationsDir,
        backupBeforeMigrating: db.embedded ? embeddedBackups((line) => console.log(line)) : undefined,
      },
    );
    console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database schema is up to date.");
    console.log(`Exercise library: ${library.created} added, ${library.updated} updated.`);
    for (const warning of warnings) console.warn(`Warning: ${warning}`);
  }
} catch (error) {
  if (!(error instanceof MigrationFailed)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await db.close();
}
