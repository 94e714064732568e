// npm run db:restore -- FILE [--force] [--keep-sessions] — restores a backup
// made by `npm run db:backup` into the database (the embedded cluster, or
// DATABASE_URL's). It refuses a database that already holds data unless
// --force, and then backs that data up first. See README, "Backups".
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { BACKUP_DIR, backupFileName } from "./lib/backup/paths";
import { BackupFileError, RestoreRefused } from "./lib/backup/manifest";
import { restoreBackup } from "./lib/backup/restore-backup";
import { DATA_DIR, openDatabase } from "./lib/database";
import { loadDotEnv } from "./lib/load-dotenv";
import { MigrationFailed } from "./lib/schema-engine";

const args = process.argv.slice(2);
const flags = new Set(args.filter((arg) => arg.startsWith("--")));
const files = args.filter((arg) => !arg.startsWith("--"));
const unknown = [...flags].filter((flag) => !["--force", "--keep-sessions", "--help"].includes(flag));
if (flags.has("--help") || files.length !== 1 || unknown.length) {
  console.log("Usage: npm run db:restore -- FILE [--force] [--keep-sessions]");
  process.exit(flags.has("--help") ? 0 : 2);
}

loadDotEnv();
const file = path.resolve(files[0]!);
const say = (line: string) => console.log(line);
try {
  const db = await openDatabase();
  try {
    const useFile = db.embedded && !process.env.AUTH_SECRET;
    const result = await restoreBackup({
      url: db.migrationUrl,
      appUrl: db.url,
      file,
      force: flags.has("--force"),
      keepSessions: flags.has("--keep-sessions"),
      safetyBackup: {
        file: path.join(BACKUP_DIR, backupFileName("before-restore")),
        source: db.embedded ? "embedded" : "DATABASE_URL",
        authSecretFile: useFile ? path.join(DATA_DIR, "auth-secret") : undefined,
        authSecret: process.env.AUTH_SECRET,
      },
      log: say,
    });
    for (const warning of result.warnings) console.warn(`Warning: ${warning}`);
    say(
      `Restored ${result.rows} rows in ${result.manifest.tables.length} tables from the backup of ${result.manifest.createdAt} ` +
        `in ${(result.milliseconds / 1000).toFixed(1)} s; every table matches the backup's row count and checksum.`,
    );
    if (result.sessionsEnded) say(`Ended the ${result.sessionsEnded} sessions that were open when the backup was made: everyone signs in again.`);
    restoreAuthSecret(result.secrets.get("auth-secret"), useFile);
    if (result.newerMigrations.length) {
      say(`This checkout has newer migrations (${result.newerMigrations.join(", ")}); npm start or npm run db:migrate applies them.`);
    }
  } finally {
    await db.close();
  }
} catch (error) {
  const known = error instanceof BackupFileError || error instanceof RestoreRefused || error instanceof MigrationFailed;
  console.error(`Restore failed: ${error instanceof Error ? error.message : String(error)}`);
  if (!known && error instanceof Error && error.cause) console.error(String(error.cause));
  process.exitCode = 1;
}

/** The auth secret travels with an embedded cluster's backup: put it back, keeping the one it replaces. */
function restoreAuthSecret(secret: Buffer | undefined, useFile: boolean) {
  if (!secret) return;
  const current = path.join(DATA_DIR, "auth-secret");
  if (useFile) {
    if (existsSync(current) && readFileSync(current).equals(secret)) return;
    if (existsSync(current)) {
      const kept = `${current}.replaced-${new Date().toISOString().replace(/[:.]/g, "-")}`;
      renameSync(current, kept);
      say(`Kept the previous auth secret as ${path.relative(process.cwd(), kept)}.`);
    }
    writeFileSync(current, secret, { mode: 0o600 });
    chmodSync(current, 0o600);
    say("The auth secret is now the backup's (.data/auth-secret): restart Trellis if it is running.");
    return;
  }
  const aside = path.join(DATA_DIR, "auth-secret.from-backup");
  writeFileSync(aside, secret, { mode: 0o600 });
  chmodSync(aside, 0o600);
  say(
    `The backup carried the auth secret of the install it came from; it is in ${path.relative(process.cwd(), aside)} (mode 600). ` +
      "Set AUTH_SECRET to it, or two-step sign-in secrets in the restored data cannot be read.",
  );
}
