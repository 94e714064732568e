// Writes a backup: one consistent snapshot of every table (a REPEATABLE READ
// transaction, as pg_dump takes), each table copied out with COPY, packed with
// a manifest into a gzip'd tar. The file holds clinical records (and, for the
// embedded cluster, the auth secret): it is created mode 600.
import { createHash } from "node:crypto";
import { once } from "node:events";
import { chmodSync, createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { open } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import pg from "pg";
import { MIGRATIONS_DIR } from "../schema-engine";
import { BACKUP_FORMAT, BACKUP_VERSION, MANIFEST_ENTRY, type Manifest } from "./manifest";
import { copyTableOut, listTables, prepareSession } from "./tables";
import { tarEnd, tarHeader, tarPadding } from "./tar";

export type BackupOptions = {
  /** The owner (migration) role's URL; any role that can read every table will do. */
  url: string;
  file: string;
  source: Manifest["source"];
  migrationsDir?: string;
  /** The embedded cluster's auth secret file, carried inside the backup. */
  authSecretFile?: string;
  /** The AUTH_SECRET in use, for a fingerprint only (never stored). */
  authSecret?: string;
};

export type BackupResult = { file: string; bytes: number; rows: number; milliseconds: number; warnings: string[]; manifest: Manifest };

const sha256 = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");

/** One-way: tells whether two secrets are the same without revealing either. */
export const secretFingerprint = (secret: string) => sha256(`trellis-auth-secret-fingerprint:${secret.trim()}`).slice(0, 16);

type Part = { name: string; size: number; content: Buffer | string /* a file path */ };

export async function createBackup(options: BackupOptions): Promise<BackupResult> {
  const started = performance.now();
  const file = path.resolve(options.file);
  const folder = path.dirname(file);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  // Table data waits beside the destination (not in a shared /tmp): it is clinical data.
  const work = mkdtempSync(path.join(folder, ".backup-"));
  const partial = `${file}.partial-${process.pid}`;
  try {
    const { manifest, parts, warnings } = await snapshot(options, work);
    await writeArchive(partial, manifest, parts);
    renameSync(partial, file);
    chmodSync(file, 0o600);
    const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
    return { file, bytes: statSync(file).size, rows, milliseconds: Math.round(performance.now() - started), warnings, manifest };
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(partial, { force: true });
  }
}

async function snapshot(options: BackupOptions, work: string) {
  const warnings: string[] = [];
  const migrationsDir = options.migrationsDir ?? MIGRATIONS_DIR;
  const client = new pg.Client({ connectionString: options.url });
  await client.connect();
  const parts: Part[] = [];
  let manifest: Manifest;
  try {
    await prepareSession(client);
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    const { rows: about } = await client.query<{ version: string; num: string; database: string; history: boolean }>(`
      SELECT current_setting('server_version') AS version, current_setting('server_version_num') AS num,
        current_database() AS database, to_regclass('public."_prisma_migrations"') IS NOT NULL AS history`);
    const server = about[0]!;
    if (!server.history) throw new Error("This database has no migration history (_prisma_migrations): it is not a Trellis database, or it was never migrated.");

    const { rows: applied } = await client.query<{ migration_name: string; checksum: string }>(`
      SELECT migration_name, checksum FROM public."_prisma_migrations"
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`);
    const migrations: Manifest["migrations"] = applied.map((row) => {
      const sqlFile = path.join(migrationsDir, row.migration_name, "migration.sql");
      if (!existsSync(sqlFile)) {
        warnings.push(`Migration ${row.migration_name} is applied to the database but missing from ${migrationsDir}; a restore will need a checkout that has it.`);
        return { name: row.migration_name, checksum: row.checksum, file: null };
      }
      const sql = readFileSync(sqlFile);
      if (sha256(sql) !== row.checksum) {
        warnings.push(`Migration ${row.migration_name} was edited after it was applied; the backup carries the file as it is now.`);
      }
      const part = { name: `migrations/${row.migration_name}/migration.sql`, size: sql.length, content: sql };
      parts.push(part);
      return { name: row.migration_name, checksum: row.checksum, file: { path: part.name, bytes: sql.length, sha256: sha256(sql) } };
    });
    const lockFile = path.join(migrationsDir, "migration_lock.toml");
    let migrationLock: Manifest["migrationLock"] = null;
    if (existsSync(lockFile)) {
      const lock = readFileSync(lockFile);
      parts.push({ name: "migrations/migration_lock.toml", size: lock.length, content: lock });
      migrationLock = { path: "migrations/migration_lock.toml", bytes: lock.length, sha256: sha256(lock) };
    }

    const tables: Manifest["tables"] = [];
    for (const [index, table] of (await listTables(client)).entries()) {
      const name = `tables/${String(index + 1).padStart(3, "0")}-${table.name}.copy`;
      const target = path.join(work, `${index}.copy`);
      const digest = await copyTableOut(client, table, createWriteStream(target, { mode: 0o600 }));
      parts.push({ name, size: digest.bytes, content: target });
      tables.push({ name: table.name, columns: table.columns, path: name, ...digest });
    }

    const { rows: sequences } = await client.query<{ name: string; last_value: string | null }>(
      `SELECT sequencename AS name, last_value::text FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename`,
    );
    await client.query("COMMIT");

    const secrets: Manifest["secrets"] = [];
    let secret = options.authSecret;
    if (options.authSecretFile && existsSync(options.authSecretFile)) {
      const content = readFileSync(options.authSecretFile);
      secret ??= content.toString("utf8");
      parts.push({ name: "secrets/auth-secret", size: content.length, content });
      secrets.push({ name: "auth-secret", path: "secrets/auth-secret", bytes: content.length, sha256: sha256(content) });
    }

    manifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      source: options.source,
      server: { version: server.version, versionNum: Number(server.num) },
      database: server.database,
      migrations,
      migrationLock,
      tables,
      sequences: sequences.map((row) => ({ name: row.name, lastValue: row.last_value })),
      secrets,
      authSecretFingerprint: secret ? secretFingerprint(secret) : null,
    };
  } finally {
    await client.end();
  }
  // The manifest goes first, so a reader knows what to expect before the data.
  return { manifest, parts, warnings };
}

async function writeArchive(partial: string, manifest: Manifest, parts: Part[]) {
  const gzip = createGzip({ level: 6 });
  const written = pipeline(gzip, createWriteStream(partial, { mode: 0o600 }));
  const write = async (chunk: Buffer) => {
    if (!gzip.write(chunk)) await Promise.race([once(gzip, "drain"), written]);
  };
  const mtime = new Date(manifest.createdAt);
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  for (const part of [{ name: MANIFEST_ENTRY, size: manifestBytes.length, content: manifestBytes }, ...parts]) {
    await write(tarHeader(part.name, part.size, mtime));
    if (typeof part.content === "string") {
      for await (const chunk of createReadStream(part.content)) await write(chunk as Buffer);
    } else {
      await write(part.content);
    }
    await write(tarPadding(part.size));
  }
  await write(tarEnd());
  gzip.end();
  await written;
  // On disk before it gets its final name.
  const handle = await open(partial, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
