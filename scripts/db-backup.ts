// npm run db:backup [-- FILE] — a consistent backup of the database (the
// embedded cluster, or DATABASE_URL's) into one .tar.gz: every table copied
// with PostgreSQL's COPY, the migrations it was built by, a manifest with row
// counts and checksums, and for the embedded cluster its auth secret.
// Default: .data/backups/trellis-<time>.tar.gz. See README, "Backups".
import path from "node:path";
import { createBackup } from "./lib/backup/create-backup";
import { BACKUP_DIR, backupFileName } from "./lib/backup/paths";
import { DATA_DIR, openDatabase } from "./lib/database";
import { loadDotEnv } from "./lib/load-dotenv";

const args = process.argv.slice(2);
if (args.includes("--help") || args.length > 1 || args.some((arg) => arg.startsWith("--"))) {
  console.log("Usage: npm run db:backup [-- FILE]   (default: .data/backups/trellis-<time>.tar.gz)");
  process.exit(args.includes("--help") ? 0 : 2);
}

loadDotEnv();
const file = path.resolve(args[0] ?? path.join(BACKUP_DIR, backupFileName()));
const shown = path.relative(process.cwd(), file).startsWith("..") ? file : path.relative(process.cwd(), file);
try {
  const db = await openDatabase();
  try {
    const carriesSecret = db.embedded && !process.env.AUTH_SECRET;
    const result = await createBackup({
      url: db.migrationUrl,
      file,
      source: db.embedded ? "embedded" : "DATABASE_URL",
      authSecretFile: carriesSecret ? path.join(DATA_DIR, "auth-secret") : undefined,
      authSecret: process.env.AUTH_SECRET,
    });
    for (const warning of result.warnings) console.warn(`Warning: ${warning}`);
    const { manifest } = result;
    console.log(
      `Backed up ${result.rows} rows in ${manifest.tables.length} tables (${manifest.migrations.length} migrations, PostgreSQL ${manifest.server.version}) ` +
        `to ${shown}: ${(result.bytes / 1024).toFixed(1)} KiB in ${(result.milliseconds / 1000).toFixed(1)} s.`,
    );
    console.log(
      carriesSecret
        ? "It carries the auth secret (.data/auth-secret). .data/pg-credentials.json is not needed: a restore sets up the roles of whichever cluster it goes into."
        : "Keep AUTH_SECRET with it: the backup does not hold it, and two-step sign-in secrets are encrypted with a key derived from it.",
    );
    console.log("The file holds clinical records: it is mode 600; keep it private and encrypted wherever you copy it.");
  } finally {
    await db.close();
  }
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
