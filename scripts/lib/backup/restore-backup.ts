// Restores a backup into an empty database: the backup's own migrations
// build the schema it was taken from (as the owner role), then one
// transaction copies every table back in, parents first, and checks each
// table against the manifest before committing, so a restore is all or
// nothing. The tables' own triggers are off while the rows go in: the rows
// already carry what the caseload summary triggers computed, and letting them
// fire again would count every submission and measurement twice.
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { grantAppPrivileges, roleOf } from "../database-roles";
import { applyMigrations, MIGRATIONS_DIR, pendingMigrations } from "../schema-engine";
import { createBackup, secretFingerprint, type BackupOptions } from "./create-backup";
import { BackupFileError, RestoreRefused, type Manifest } from "./manifest";
import { archiveEntries, verifyBackup } from "./read-backup";
import { copyTableOut, describeContents, digesting, importStatement, listTables, prepareSession, quoteTable, type Contents } from "./tables";
import { Writable } from "node:stream";

export type RestoreOptions = {
  /** The owner (migration) role: it creates the schema and may switch the tables' triggers off. */
  url: string;
  /** The app's role, to grant it its privileges afterwards (skipped when it is the owner). */
  appUrl?: string;
  file: string;
  /** Replace a database that holds data (after a safety backup, when `safetyBackup` is given). */
  force?: boolean;
  /** Where to back up what a forced restore replaces. */
  safetyBackup?: Omit<BackupOptions, "url">;
  /** Leave sessions open at backup time as they were (default: end them all). */
  keepSessions?: boolean;
  /** This checkout's migrations, used when the backup lacks one and to list newer ones. */
  migrationsDir?: string;
  log?: (line: string) => void;
};

export type RestoreResult = {
  manifest: Manifest;
  rows: number;
  milliseconds: number;
  sessionsEnded: number;
  /** The secrets the backup carried (name → content). */
  secrets: Map<string, Buffer>;
  safetyBackup?: string;
  /** Migrations of this checkout newer than the backup: the next `npm start` or `npm run db:migrate` applies them. */
  newerMigrations: string[];
  warnings: string[];
};

const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");

export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const file = path.resolve(options.file);
  const migrationsDir = options.migrationsDir ?? MIGRATIONS_DIR;
  const warnings: string[] = [];

  const { manifest, files } = await verifyBackup(file);
  log(`Checked ${path.basename(file)}: ${manifest.tables.length} tables, ${manifest.migrations.length} migrations, made ${manifest.createdAt}.`);
  const migrationSql = resolveMigrations(manifest, files, migrationsDir);

  const client = new pg.Client({ connectionString: options.url });
  await client.connect();
  let safetyBackup: string | undefined;
  try {
    await prepareSession(client);
    const contents = await describeContents(client);
    const others = await otherConnections(client);
    if (contents.holdsData && !options.force) throw new RestoreRefused(refusal(contents, options.file));
    if (others > 0 && !options.force) {
      throw new RestoreRefused(
        `${others} other connection${others === 1 ? " is" : "s are"} open to this database (is Trellis running?). Stop it first, then restore; --force restores anyway.`,
      );
    }
    if (contents.holdsData && options.safetyBackup) {
      const saved = await createBackup({ ...options.safetyBackup, url: options.url });
      safetyBackup = saved.file;
      log(`Backed up what the database held before replacing it: ${saved.file}`);
    }
    if (contents.tables > 0) await clearSchema(client);
  } finally {
    await client.end();
  }

  // The schema the data was taken from, by the backup's own migrations.
  const scratch = mkdtempSync(path.join(os.tmpdir(), "trellis-restore-"));
  try {
    writeFileSync(path.join(scratch, "migration_lock.toml"), files.get("migrations/migration_lock.toml") ?? 'provider = "postgresql"\n');
    for (const [name, sql] of migrationSql) {
      mkdirSync(path.join(scratch, name));
      writeFileSync(path.join(scratch, name, "migration.sql"), sql);
    }
    await applyMigrations(options.url, scratch);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  log(`Built the schema of ${manifest.migrations.length} migrations; copying rows…`);

  const loader = new pg.Client({ connectionString: options.url });
  await loader.connect();
  let sessionsEnded = 0;
  try {
    await prepareSession(loader);
    await loader.query("BEGIN");
    try {
      sessionsEnded = await loadTables(loader, file, manifest, options.keepSessions ?? false);
      await loader.query("COMMIT");
    } catch (error) {
      await loader.query("ROLLBACK").catch(() => {});
      if (error instanceof BackupFileError || error instanceof RestoreRefused) throw error;
      throw new Error(
        `Restoring the rows failed, so none were kept (the database now has Trellis's tables and no data; the restore can be run again): ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
    if (options.appUrl && roleOf(options.appUrl) !== roleOf(options.url)) {
      await grantAppPrivileges(loader, roleOf(options.appUrl));
    }
  } finally {
    await loader.end();
  }

  const current = process.env.AUTH_SECRET;
  if (manifest.authSecretFingerprint && current && manifest.secrets.length === 0 && secretFingerprint(current) !== manifest.authSecretFingerprint) {
    warnings.push(
      "AUTH_SECRET is not the one in use when this backup was made: two-step sign-in secrets in it cannot be read with it. Set AUTH_SECRET back to the old value (or those people set up two-step sign-in again).",
    );
  }
  const secrets = new Map(manifest.secrets.map((secret) => [secret.name, files.get(secret.path)!]));
  const newer = (await pendingMigrations(options.url, migrationsDir)).filter((name) => !migrationSql.has(name));
  return {
    manifest,
    rows: manifest.tables.reduce((sum, table) => sum + table.rows, 0),
    milliseconds: Math.round(performance.now() - started),
    sessionsEnded,
    secrets,
    safetyBackup,
    newerMigrations: newer,
    warnings,
  };
}

/** Each migration's SQL: the backup's own copy, else this checkout's file if it is the same one. */
function resolveMigrations(manifest: Manifest, files: Map<string, Buffer>, migrationsDir: string): Map<string, Buffer> {
  const sql = new Map<string, Buffer>();
  for (const migration of manifest.migrations) {
    const carried = migration.file && files.get(migration.file.path);
    if (carried) {
      sql.set(migration.name, carried);
      continue;
    }
    const local = path.join(migrationsDir, migration.name, "migration.sql");
    if (existsSync(local) && sha256(readFileSync(local)) === migration.checksum) {
      sql.set(migration.name, readFileSync(local));
      continue;
    }
    throw new RestoreRefused(`The backup needs migration ${migration.name}, which neither it nor this checkout has. Restore with the Trellis version that made the backup.`);
  }
  return sql;
}

function refusal(contents: Contents, file: string): string {
  const total = [...contents.rows.values()].reduce((sum, count) => sum + count, 0);
  const some = ["Practice", "User", "Client", "Submission"]
    .filter((name) => contents.rows.get(name))
    .map((name) => `${contents.rows.get(name)} ${name}`)
    .join(", ");
  return (
    `This database already holds data (${total} rows in ${contents.tables} tables${some ? `: ${some}` : ""}), and a restore replaces all of it ` +
    `with the backup's. If that is what you want, run it again with --force (npm run db:restore -- ${file} --force): ` +
    `it first backs up what is there now. ` +
    `Otherwise restore into a new, empty database.`
  );
}

async function otherConnections(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ count: string }>(
    `SELECT count(*) AS count FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
  );
  return Number(rows[0]?.count ?? 0);
}

/**
 * Empties the public schema of Trellis's objects (the schema itself, its
 * privileges and extensions' objects stay), so the backup's migrations start
 * from nothing. Only what
 * the owner role owns can go; anything else stops the restore with a reason.
 */
async function clearSchema(client: pg.Client) {
  try {
    await client.query(`
      DO $$
      DECLARE item record;
      BEGIN
        -- Oids, not names: dropping one object may take another with it
        -- (CASCADE), which is then skipped rather than named by a bare number.
        FOR item IN
          SELECT c.oid,
            CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END AS kind
          FROM pg_class c
          WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND NOT c.relispartition
            AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')
          ORDER BY c.relkind = 'S'
        LOOP
          CONTINUE WHEN NOT EXISTS (SELECT 1 FROM pg_class WHERE oid = item.oid);
          EXECUTE format('DROP %s %s CASCADE', item.kind, item.oid::regclass);
        END LOOP;
        FOR item IN
          SELECT p.oid FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace
            AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
        LOOP
          CONTINUE WHEN NOT EXISTS (SELECT 1 FROM pg_proc WHERE oid = item.oid);
          EXECUTE format('DROP ROUTINE %s CASCADE', item.oid::regprocedure);
        END LOOP;
        FOR item IN
          SELECT t.oid FROM pg_type t
          WHERE t.typnamespace = 'public'::regnamespace AND t.typtype IN ('e', 'd', 'r', 'm')
            AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = t.oid AND d.deptype = 'e')
        LOOP
          CONTINUE WHEN NOT EXISTS (SELECT 1 FROM pg_type WHERE oid = item.oid);
          EXECUTE format('DROP TYPE %s CASCADE', item.oid::regtype);
        END LOOP;
      END
      $$`);
  } catch (error) {
    throw new RestoreRefused(
      `The database's existing tables could not be removed (${error instanceof Error ? error.message : String(error)}). Drop and re-create the database, then restore into it.`,
    );
  }
}

/** Inside the caller's transaction: every table's rows, checked; returns the sessions ended. */
async function loadTables(client: pg.Client, file: string, manifest: Manifest, keepSessions: boolean): Promise<number> {
  const target = new Map((await listTables(client)).map((table) => [table.name, table]));
  const placed = new Set<string>();
  for (const table of manifest.tables) {
    const here = target.get(table.name);
    if (!here) throw new RestoreRefused(`The backup has a table ${table.name} that its migrations did not create.`);
    const missing = table.columns.filter((column) => !here.columns.includes(column));
    if (missing.length) throw new RestoreRefused(`Table ${table.name} has no column ${missing.join(", ")} after the backup's migrations.`);
    const early = here.references.filter((parent) => !placed.has(parent) && parent !== table.name);
    if (early.length) throw new RestoreRefused(`The backup lists ${table.name} before ${early.join(", ")}, which it references.`);
    placed.add(table.name);
  }

  // Rows the migrations themselves wrote (the history) make way for the backup's.
  await client.query(`DELETE FROM public."_prisma_migrations"`);
  // USER: the tables' own triggers; foreign keys stay checked.
  for (const table of manifest.tables) await client.query(`ALTER TABLE ${quoteTable(table.name)} DISABLE TRIGGER USER`);

  const byPath = new Map(manifest.tables.map((table) => [table.path, table]));
  for await (const entry of archiveEntries(file)) {
    const table = byPath.get(entry.name);
    if (!table) continue;
    const counter = digesting();
    await pipeline(entry.body, counter, client.query(copyFrom(importStatement(table))));
    const loaded = counter.digest();
    if (loaded.sha256 !== table.sha256 || loaded.rows !== table.rows) {
      throw new BackupFileError(`${file} changed while it was being restored (${entry.name}). Nothing was restored.`);
    }
  }
  for (const table of manifest.tables) await client.query(`ALTER TABLE ${quoteTable(table.name)} ENABLE TRIGGER USER`);

  for (const sequence of manifest.sequences) {
    const name = quoteTable(sequence.name);
    if (sequence.lastValue === null) await client.query(`ALTER SEQUENCE ${name} RESTART`);
    else await client.query(`SELECT setval($1::regclass, $2::bigint, true)`, [name, sequence.lastValue]);
  }

  // Read back as the backup read them: every row, every byte.
  for (const table of manifest.tables) {
    const sink = new Writable({ write: (_chunk, _encoding, callback) => callback() });
    const digest = await copyTableOut(client, { ...target.get(table.name)!, columns: table.columns }, sink);
    if (digest.sha256 !== table.sha256 || digest.rows !== table.rows) {
      const how = digest.rows === table.rows ? `its ${table.rows} rows differ in content` : `${digest.rows} rows, expected ${table.rows}`;
      throw new Error(`table ${table.name} reads back differently from the backup (${how}).`);
    }
  }

  if (keepSessions || !manifest.tables.some((table) => table.name === "AuthSession")) return 0;
  // A session signed out or revoked after the backup was made would otherwise come back to life.
  const ended = await client.query(`UPDATE public."AuthSession" SET "revokedAt" = now() WHERE "revokedAt" IS NULL`);
  return ended.rowCount ?? 0;
}
