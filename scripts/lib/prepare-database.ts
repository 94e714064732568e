// Brings a database up to date: pending migrations (as the role that owns the
// tables), the app role's grants, then the built-in exercise library. Used by
// npm start, npm run db:migrate and the tests.
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { syncBuiltInTemplates } from "../../lib/templates/sync-built-ins";
import { createBackup, type BackupOptions } from "./backup/create-backup";
import { BACKUP_DIR, backupFileName } from "./backup/paths";
import { describeContents } from "./backup/tables";
import { DATA_DIR } from "./database";
import { checkAppRole, grantAppPrivileges, roleOf } from "./database-roles";
import { applyMigrations, failedMigrations, MIGRATIONS_DIR, pendingMigrations } from "./schema-engine";

export type BackupBeforeMigrating = {
  /** Folder for the backup (e.g. .data/backups). */
  dir: string;
  source: BackupOptions["source"];
  /** The embedded cluster's auth secret file, carried inside the backup. */
  authSecretFile?: string;
  say: (line: string) => void;
};

/**
 * For the embedded cluster: back up into .data/backups/, carrying the local
 * auth secret (unless AUTH_SECRET comes from the environment).
 */
export function embeddedBackups(say: (line: string) => void): BackupBeforeMigrating {
  return {
    dir: BACKUP_DIR,
    source: "embedded",
    authSecretFile: process.env.AUTH_SECRET ? undefined : path.join(DATA_DIR, "auth-secret"),
    say,
  };
}

export async function prepareDatabase(
  urls: { migrationUrl: string; appUrl: string },
  options: {
    migrationsDir?: string;
    /** Back up a database that holds data before applying new migrations to it (the embedded cluster). */
    backupBeforeMigrating?: BackupBeforeMigrating;
  } = {},
) {
  const migrationsDir = options.migrationsDir ?? MIGRATIONS_DIR;
  const backup = options.backupBeforeMigrating ? await backupIfMigrating(urls.migrationUrl, migrationsDir, options.backupBeforeMigrating) : undefined;
  const applied = await applyMigrations(urls.migrationUrl, migrationsDir);
  // With one URL the app is the owner: nothing to grant (see checkAppRole's warning).
  if (roleOf(urls.appUrl) !== roleOf(urls.migrationUrl)) {
    const owner = new pg.Client({ connectionString: urls.migrationUrl });
    await owner.connect();
    try {
      await grantAppPrivileges(owner, roleOf(urls.appUrl));
    } finally {
      await owner.end();
    }
  }
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: urls.migrationUrl }) });
  try {
    const library = await syncBuiltInTemplates(client);
    return { applied, library, backup, warnings: await checkAppRole(urls.appUrl) };
  } finally {
    await client.$disconnect();
  }
}

/** A backup named after the time and the migrations about to run, when there is data to lose. */
async function backupIfMigrating(url: string, migrationsDir: string, backup: BackupBeforeMigrating): Promise<string | undefined> {
  const pending = await pendingMigrations(url, migrationsDir);
  // A failed migration stops applyMigrations before anything runs: no backup needed for that.
  if (pending.length === 0 || (await failedMigrations(url)).length > 0) return undefined;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let holdsData: boolean;
  try {
    holdsData = (await describeContents(client)).holdsData;
  } finally {
    await client.end();
  }
  if (!holdsData) return undefined;
  const label = pending.length === 1 ? `before-${pending[0]}` : `before-${pending[0]}-and-${pending.length - 1}-more`;
  const file = path.join(backup.dir, backupFileName(label));
  backup.say(`Backing up the database before applying ${pending.join(", ")}…`);
  const result = await createBackup({ url, file, source: backup.source, migrationsDir, authSecretFile: backup.authSecretFile });
  backup.say(`Backup saved: ${path.relative(process.cwd(), result.file) || result.file} (restore with: npm run db:restore -- ${path.relative(process.cwd(), result.file)} --force)`);
  return result.file;
}
