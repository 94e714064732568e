// Migrations you can recover from (issue 9): a failing migration says what
// PostgreSQL said, which migration and what to run; a later start says the
// same instead of the engine's "found failed migrations"; after the file is
// fixed, `npm run db:migrate -- --resolve NAME` marks it rolled back and
// applies it. A database that holds data is backed up before new migrations.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyBackup } from "@/scripts/lib/backup/read-backup";
import { prepareDatabase } from "@/scripts/lib/prepare-database";
import { applyMigrations, listMigrationDirectories, MigrationFailed, MIGRATIONS_DIR } from "@/scripts/lib/schema-engine";

const run = promisify(execFile);
const ownerUrl = () => process.env.TRELLIS_TEST_OWNER_URL!;
const superuserUrl = () => process.env.TRELLIS_TEST_SUPERUSER_URL!;
const BROKEN = "20991231000000_probe";
const RESOLVE = `npm run db:migrate -- --resolve ${BROKEN}`;

const work = mkdtempSync(path.join(os.tmpdir(), "trellis-migration-recovery-"));
const migrations = path.join(work, "migrations");
const databases: string[] = [];

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function emptyDatabase() {
  const name = `trellis_recovery_${randomUUID().replace(/-/g, "")}`;
  await withClient(superuserUrl(), (client) => client.query(`CREATE DATABASE "${name}" OWNER trellis_owner`));
  databases.push(name);
  const at = (url: string) => Object.assign(new URL(url), { pathname: `/${name}` }).toString();
  return { owner: at(ownerUrl()), app: at(process.env.DATABASE_URL!) };
}

function writeMigration(dir: string, name: string, sql: string) {
  mkdirSync(path.join(dir, name), { recursive: true });
  writeFileSync(path.join(dir, name, "migration.sql"), sql);
}

const tableExists = (url: string, table: string) =>
  withClient(url, async (client) => (await client.query(`SELECT to_regclass($1) IS NOT NULL AS present`, [`public."${table}"`])).rows[0].present);

/** db-migrate.ts as `npm run db:migrate` runs it, against the given database and migrations folder. */
function migrateCommand(target: { owner: string; app: string }, args: string[]) {
  const env = { ...process.env, DATABASE_URL: target.app, MIGRATION_DATABASE_URL: target.owner };
  return run(path.resolve("node_modules/.bin/tsx"), ["scripts/db-migrate.ts", ...args, "--migrations-dir", migrations], { env }).then(
    (result) => ({ code: 0, ...result }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

beforeAll(() => {
  cpSync(MIGRATIONS_DIR, migrations, { recursive: true });
  // Line 2 names a column that does not exist; line 1 must not survive the failure.
  writeMigration(migrations, BROKEN, `CREATE TABLE "Probe" ("id" TEXT PRIMARY KEY);\nSELECT "noSuchColumn" FROM "Client";\n`);
});

afterAll(async () => {
  await withClient(superuserUrl(), async (client) => {
    for (const name of databases) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
  rmSync(work, { recursive: true, force: true });
});

describe("a failed migration", () => {
  let target: { owner: string; app: string };

  beforeAll(async () => {
    target = await emptyDatabase();
  });

  it("fails with PostgreSQL's own message, the line, the migration's name and the command to run, and leaves nothing of itself", async () => {
    const error = await applyMigrations(target.owner, migrations).then(
      () => null,
      (reason: unknown) => reason,
    );

    expect(error).toBeInstanceOf(MigrationFailed);
    const failed = error as MigrationFailed;
    expect(failed.migrationName).toBe(BROKEN);
    expect(failed.message).toContain(`Migration ${BROKEN} failed.`);
    expect(failed.message).toContain(`PostgreSQL said: column "noSuchColumn" does not exist (SQLSTATE 42703)`);
    expect(failed.message).toContain(`at line 2 of migration.sql: SELECT "noSuchColumn" FROM "Client";`);
    expect(failed.message).toContain(RESOLVE);
    expect(failed.message).not.toMatch(/external connector error/);
    expect(await tableExists(target.owner, "Probe")).toBe(false);
    expect(await tableExists(target.owner, "Client")).toBe(true);
  }, 60_000);

  it("stops every later start with the same reason and the exact command, not the engine's generic refusal", async () => {
    const error = (await applyMigrations(target.owner, migrations).catch((reason: unknown) => reason)) as MigrationFailed;
    const command = await migrateCommand(target, []);

    expect(error).toBeInstanceOf(MigrationFailed);
    expect(error.message).toMatch(new RegExp(`^Migration ${BROKEN} failed on \\S+, so no later migration can run\\.`));
    expect(error.message).toContain(`column "noSuchColumn" does not exist`);
    expect(error.message).toContain(`then run:\n  ${RESOLVE}`);
    expect(command.code).toBe(1);
    expect(command.stderr).toContain(RESOLVE);
    expect(command.stderr).not.toMatch(/found failed migrations|\n\s+at /);
  }, 60_000);

  it("--resolve NAME refuses a name that did not fail", async () => {
    const command = await migrateCommand(target, ["--resolve", "20261122210129_init"]);

    expect(command.code).toBe(1);
    expect(command.stderr).toContain(`20261122210129_init is not a failed migration. Failed: ${BROKEN}.`);
  }, 60_000);

  it("--resolve NAME after fixing the file applies it, keeping the failure in the history as rolled back", async () => {
    writeMigration(migrations, BROKEN, `CREATE TABLE "Probe" ("id" TEXT PRIMARY KEY);\nSELECT "displayName" FROM "Client";\n`);

    const command = await migrateCommand(target, ["--resolve", BROKEN]);

    expect(command.stderr).toBe("");
    expect(command.code).toBe(0);
    expect(command.stdout).toContain(`Marked ${BROKEN} as rolled back; applying migrations again.`);
    expect(command.stdout).toContain(`Applied: ${BROKEN}`);
    expect(await tableExists(target.owner, "Probe")).toBe(true);
    const history = await withClient(target.owner, async (client) =>
      (await client.query(`SELECT finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back FROM _prisma_migrations WHERE migration_name = $1 ORDER BY started_at`, [BROKEN])).rows,
    );
    expect(history).toEqual([
      { finished: false, rolled_back: true },
      { finished: true, rolled_back: false },
    ]);
    expect(await applyMigrations(target.owner, migrations)).toEqual([]);
  }, 60_000);
});

describe("before new migrations", () => {
  it("a database that holds data is backed up, named with the time and the migrations, and says where", async () => {
    const target = await emptyDatabase();
    const current = path.join(work, "current");
    cpSync(MIGRATIONS_DIR, current, { recursive: true });
    await prepareDatabase({ migrationUrl: target.owner, appUrl: target.app }, { migrationsDir: current });
    await withClient(target.app, (client) => client.query(`INSERT INTO "Practice" (id, name, "updatedAt") VALUES ('practice-1', 'Kept practice', now())`));
    writeMigration(current, "20991231000001_next", `ALTER TABLE "Practice" ADD COLUMN "probe" TEXT;\n`);
    const backups = path.join(work, "backups");
    const secretFile = path.join(work, "auth-secret");
    writeFileSync(secretFile, "a-local-auth-secret", { mode: 0o600 });
    const said: string[] = [];

    const result = await prepareDatabase(
      { migrationUrl: target.owner, appUrl: target.app },
      { migrationsDir: current, backupBeforeMigrating: { dir: backups, source: "embedded", authSecretFile: secretFile, say: (line) => said.push(line) } },
    );

    expect(result.applied).toEqual(["20991231000001_next"]);
    const [name] = readdirSync(backups);
    expect(name).toMatch(/^trellis-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ-before-20991231000001_next\.tar\.gz$/);
    expect(result.backup).toBe(path.join(backups, name!));
    expect(said.join("\n")).toContain(`Backup saved: ${path.relative(process.cwd(), result.backup!)}`);
    expect(statSync(result.backup!).mode & 0o777).toBe(0o600);
    const { manifest, files } = await verifyBackup(result.backup!);
    expect(manifest.migrations.map((migration) => migration.name)).toEqual(listMigrationDirectories(MIGRATIONS_DIR));
    expect(manifest.tables.find((table) => table.name === "Practice")!.rows).toBe(1);
    expect(files.get("secrets/auth-secret")!.toString()).toBe("a-local-auth-secret");
  }, 120_000);

  it("an empty database (a first start) is not backed up", async () => {
    const target = await emptyDatabase();
    const backups = path.join(work, "no-backups");

    const result = await prepareDatabase(
      { migrationUrl: target.owner, appUrl: target.app },
      { backupBeforeMigrating: { dir: backups, source: "embedded", say: () => {} } },
    );

    expect(result.applied).toEqual(listMigrationDirectories(MIGRATIONS_DIR));
    expect(result.backup).toBeUndefined();
    expect(() => readdirSync(backups)).toThrow(/ENOENT/);
  }, 120_000);
});
