// Prisma's native schema engine cannot be downloaded on our machines, so
// migrations run through the WASM build of the same engine, talking to
// PostgreSQL through the `pg` driver adapter. The migrations themselves stay
// in Prisma's standard layout, so `prisma migrate deploy` works the same
// wherever the native engine is available.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";

const require = createRequire(import.meta.url);

export const MIGRATIONS_DIR = path.resolve("prisma/migrations");
const NO_FILTERS = { externalTables: [], externalEnums: [] };

type WasmSchemaEngine = {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diff(input: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
};

let bindings: Promise<{ SchemaEngine: { new: (...args: unknown[]) => Promise<WasmSchemaEngine> } }> | undefined;

// The package imports its .wasm as an ES module, which Node 20 cannot do, so
// instantiate the module by hand and hand its exports to the JS glue.
function loadBindings() {
  bindings ??= (async () => {
    // Resolve the exported glue module; the .wasm sits beside it.
    const pkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
    const bg = await import(path.join(pkgDir, "schema_engine_bg.js"));
    const bytes = readFileSync(path.join(pkgDir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
    return bg;
  })();
  return bindings;
}

/**
 * PrismaPg runs a migration script by splitting it on every ";", including
 * those inside comments and dollar-quoted function bodies, which breaks
 * plpgsql trigger functions. Sent whole over the simple query protocol,
 * PostgreSQL parses the script itself (as the native engine's scripts are
 * parsed) and runs it as one implicit transaction (so a migration cannot
 * use CREATE INDEX CONCURRENTLY, which refuses to run inside one).
 */
function wholeScripts(
  factory: PrismaPg,
  onScriptError: (error: unknown, script: string) => void,
  opened: Array<{ dispose(): Promise<void> }>,
): SqlMigrationAwareDriverAdapterFactory {
  const patch = async <A extends Awaited<ReturnType<PrismaPg["connect"]>>>(connecting: Promise<A>): Promise<A> => {
    const adapter = await connecting;
    opened.push(adapter);
    const pool = adapter.underlyingDriver() as pg.Pool;
    adapter.executeScript = async (script: string) => {
      try {
        await pool.query(script);
      } catch (error) {
        // The engine reports only "external connector error"; keep
        // PostgreSQL's own error for the message (see MigrationFailed).
        onScriptError(error, script);
        throw error;
      }
    };
    return adapter;
  };
  return {
    adapterName: factory.adapterName,
    provider: factory.provider,
    connect: () => patch(factory.connect()),
    connectToShadowDb: () => patch(factory.connectToShadowDb()),
  };
}

async function withEngine<T>(
  connectionString: string,
  fn: (engine: WasmSchemaEngine) => Promise<T>,
  onScriptError: (error: unknown, script: string) => void = () => {},
): Promise<T> {
  const { SchemaEngine } = await loadBindings();
  const opened: Array<{ dispose(): Promise<void> }> = [];
  const adapter = bindMigrationAwareSqlAdapterFactory(wholeScripts(new PrismaPg({ connectionString }), onScriptError, opened));
  try {
    const engine = await SchemaEngine.new({ datamodels: undefined }, () => {}, adapter);
    try {
      return await fn(engine);
    } finally {
      engine.free();
    }
  } finally {
    // free() leaves the adapter's pool open, and with it the connection that
    // holds the engine's advisory lock: the next run in this process then
    // waited 10 s for it, and `npm start` kept an idle owner connection.
    await Promise.all(opened.map((connection) => connection.dispose().catch(() => {})));
  }
}

export function listMigrationDirectories(dir = MIGRATIONS_DIR) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

/** The command that marks a failed migration rolled back so that it is tried again. */
export const resolveCommand = (name: string) => `npm run db:migrate -- --resolve ${name}`;

/** The migration's file as the person running the command would type it. */
function migrationFile(dir: string, name: string) {
  const file = path.join(dir, name, "migration.sql");
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") ? file : relative;
}

/** PostgreSQL's own account of why a migration's script failed. */
export type PostgresFailure = { message: string; code?: string; detail?: string; hint?: string; line?: number; statement?: string };

/** A migration that failed, or one that failed earlier and blocks the others until it is resolved. */
export class MigrationFailed extends Error {
  constructor(
    readonly migrationName: string,
    message: string,
    readonly postgres?: PostgresFailure,
  ) {
    super(message);
    this.name = "MigrationFailed";
  }
}

/** Applies pending migrations; returns the names applied (empty when up to date). */
export async function applyMigrations(connectionString: string, dir = MIGRATIONS_DIR): Promise<string[]> {
  await assertNoFailedMigration(connectionString, dir);
  const lockPath = path.join(dir, "migration_lock.toml");
  const migrationsList = {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: listMigrationDirectories(dir).map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: readFileSync(path.join(dir, name, "migration.sql"), "utf8") },
      },
    })),
  };
  let scriptError: { error: unknown; script: string } | undefined;
  try {
    const result = await withEngine(
      connectionString,
      (engine) => engine.applyMigrations({ migrationsList, filters: NO_FILTERS }),
      (error, script) => (scriptError = { error, script }),
    );
    return result.appliedMigrationNames;
  } catch (error) {
    throw await explainFailure(connectionString, dir, error, scriptError);
  }
}

type MigrationRow = { migration_name: string; started_at: Date; logs: string | null };

async function withPg<T>(connectionString: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Migrations recorded as started but neither finished nor rolled back (none before the first run). */
export async function failedMigrations(connectionString: string): Promise<MigrationRow[]> {
  return withPg(connectionString, async (client) => {
    const { rows } = await client.query<{ present: boolean }>(`SELECT to_regclass('public."_prisma_migrations"') IS NOT NULL AS present`);
    if (!rows[0]?.present) return [];
    const failed = await client.query<MigrationRow>(
      `SELECT migration_name, started_at, logs FROM "_prisma_migrations"
       WHERE finished_at IS NULL AND rolled_back_at IS NULL ORDER BY started_at`,
    );
    return failed.rows;
  });
}

/** Names of migration directories not yet applied to the database (all of them for a new database). */
export async function pendingMigrations(connectionString: string, dir = MIGRATIONS_DIR): Promise<string[]> {
  const applied = await withPg(connectionString, async (client) => {
    const { rows } = await client.query<{ present: boolean }>(`SELECT to_regclass('public."_prisma_migrations"') IS NOT NULL AS present`);
    if (!rows[0]?.present) return new Set<string>();
    const done = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    return new Set(done.rows.map((row) => row.migration_name));
  });
  return listMigrationDirectories(dir).filter((name) => !applied.has(name));
}

// The engine refuses with a generic "found failed migrations" and a link;
// say which one, why it failed and the one command that lets it run again.
async function assertNoFailedMigration(connectionString: string, dir: string) {
  const [failed] = await failedMigrations(connectionString);
  if (!failed) return;
  const reason = failed.logs && !failed.logs.startsWith("external connector error") ? `\n${failed.logs}` : "";
  throw new MigrationFailed(
    failed.migration_name,
    `Migration ${failed.migration_name} failed on ${failed.started_at.toISOString()}, so no later migration can run.${reason}\n` +
      `A migration runs as one transaction, so none of it was applied. Fix ${migrationFile(dir, failed.migration_name)} ` +
      `(or remove it if it should not exist), then run:\n  ${resolveCommand(failed.migration_name)}`,
  );
}

function asPostgresFailure(error: unknown, script: string): PostgresFailure | undefined {
  if (!(error instanceof Error)) return undefined;
  // Checked by shape: the driver adapter may load its own copy of pg.
  const fields = error as Partial<pg.DatabaseError>;
  if (typeof fields.code !== "string" || !fields.severity) return { message: error.message };
  const failure: PostgresFailure = { message: error.message, code: fields.code, detail: fields.detail, hint: fields.hint };
  const position = Number(fields.position);
  if (Number.isInteger(position) && position > 0) {
    // position counts characters from 1 in the script as sent.
    const before = script.slice(0, position - 1);
    failure.line = before.split("\n").length;
    failure.statement = script.split("\n")[failure.line - 1]?.trim();
  }
  return failure;
}

function describe(failure: PostgresFailure): string {
  const parts = [`PostgreSQL said: ${failure.message}${failure.code ? ` (SQLSTATE ${failure.code})` : ""}`];
  if (failure.line) parts.push(`at line ${failure.line} of migration.sql: ${failure.statement ?? ""}`.trimEnd());
  if (failure.detail) parts.push(`Detail: ${failure.detail}`);
  if (failure.hint) parts.push(`PostgreSQL's hint: ${failure.hint}`);
  return parts.join("\n");
}

async function explainFailure(
  connectionString: string,
  dir: string,
  error: unknown,
  scriptError: { error: unknown; script: string } | undefined,
): Promise<unknown> {
  let failed: MigrationRow | undefined;
  try {
    [failed] = await failedMigrations(connectionString);
  } catch {
    return error;
  }
  if (!failed) return error;
  const postgres = scriptError ? asPostgresFailure(scriptError.error, scriptError.script) : undefined;
  const why = postgres ? describe(postgres) : error instanceof Error ? error.message : String(error);
  // Keep the real reason in the migration history, so a later start (and
  // anyone reading _prisma_migrations) sees it instead of the engine's text.
  await withPg(connectionString, (client) =>
    client.query(`UPDATE "_prisma_migrations" SET logs = $1 WHERE migration_name = $2 AND finished_at IS NULL AND rolled_back_at IS NULL`, [
      why,
      failed.migration_name,
    ]),
  ).catch(() => {});
  const file = migrationFile(dir, failed.migration_name);
  return new MigrationFailed(
    failed.migration_name,
    `Migration ${failed.migration_name} failed.\n${why}\n` +
      `It ran as one transaction, so none of it was applied; the migrations before it are in place. ` +
      `Fix ${file}, then run:\n  ${resolveCommand(failed.migration_name)}`,
    postgres,
  );
}

/**
 * What `prisma migrate resolve --rolled-back NAME` does: marks the failed
 * migration rolled back, so the engine applies the (fixed) file again.
 * Returns false when NAME is not a failed migration.
 */
export async function resolveRolledBack(connectionString: string, name: string): Promise<boolean> {
  return withPg(connectionString, async (client) => {
    const { rows } = await client.query<{ present: boolean }>(`SELECT to_regclass('public."_prisma_migrations"') IS NOT NULL AS present`);
    if (!rows[0]?.present) return false;
    const { rowCount } = await client.query(
      `UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = $1 AND finished_at IS NULL AND rolled_back_at IS NULL`,
      [name],
    );
    return (rowCount ?? 0) > 0;
  });
}

/** SQL that turns a database shaped like `from` (or an empty one) into `to`. */
export async function diffDatamodels(connectionString: string, from: string | null, to: string): Promise<string> {
  const asTarget = (content: string) => ({
    tag: "schemaDatamodel",
    files: [{ path: "schema.prisma", content }],
  });
  const result = await withEngine(connectionString, (engine) =>
    engine.diff({
      from: from === null ? { tag: "empty" } : asTarget(from),
      to: asTarget(to),
      script: true,
      shadowDatabaseUrl: null,
      exitCode: null,
      filters: NO_FILTERS,
    }),
  );
  return result.stdout ?? "";
}
