// The soak's own throw-away PostgreSQL, durable like `npm start`'s (fsync on:
// the run checks that nothing acknowledged is lost, so no shortcuts), and the
// faults it is put through: all app connections terminated, a stop and start,
// and a hang (the postmaster and every backend SIGSTOPped). The cluster
// handle is kept (unlike scripts/lib/test-database.ts) so it can be stopped
// and started again in the middle of the run.
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { APP_ROLE, OWNER_ROLE } from "../scripts/lib/database-roles";
import { startEmbeddedPostgres, withClient, type EmbeddedCluster } from "../scripts/lib/embedded-postgres";
import { freePort } from "../scripts/lib/free-port";
import { prepareDatabase } from "../scripts/lib/prepare-database";
import { isAlive, stopProcess } from "../scripts/lib/processes";

export { withClient };

export type SoakDatabase = {
  /** The app's restricted role, as the server uses it. */
  url: string;
  /** The role that owns the tables: seeding fix-ups, faults and the integrity check. */
  ownerUrl: string;
  /** The postmaster's pid (it changes when PostgreSQL is started again). */
  pid(): number | null;
  /** Ends every backend of the app role (as the owner); how many there were. */
  terminateAppConnections(): Promise<number>;
  /** Fast shutdown; resolves once the postmaster is gone, saying how it went. */
  stopServer(): Promise<string>;
  /** Starts it again on the same port and data; resolves when it accepts connections. */
  startServer(): Promise<void>;
  /** SIGSTOPs the postmaster, then every backend; how many processes were frozen. */
  freeze(): number;
  /** SIGCONTs whatever freeze() stopped (backends first, then the postmaster). */
  thaw(): void;
  /** Thaws if frozen, stops the cluster and removes its folder. Safe to call twice. */
  stop(): Promise<void>;
};

const DATABASE = "trellis_soak";
// A fast shutdown is given time to finish its checkpoint under load (npm
// start's 2 s would often end in an immediate shutdown, i.e. a crash restart).
const STOP_STEPS: Array<[NodeJS.Signals, number]> = [
  ["SIGINT", 20_000],
  ["SIGQUIT", 2_000],
  ["SIGKILL", 1_000],
];

export async function startSoakDatabase(): Promise<SoakDatabase> {
  const root = mkdtempSync(path.join(os.tmpdir(), "trellis-soak-"));
  // The server runs as the unprivileged `postgres` user when we are root.
  chmodSync(root, 0o755);
  const removeFolder = () => rmSync(root, { recursive: true, force: true });
  process.once("exit", removeFolder);

  const cluster: EmbeddedCluster = await startEmbeddedPostgres({ dataDir: path.join(root, "pg"), port: await freePort() });
  let frozen: number[] = [];
  let stopped = false;

  const thaw = () => {
    for (const pid of [...frozen].reverse()) {
      try {
        process.kill(pid, "SIGCONT");
      } catch {
        // Gone.
      }
    }
    frozen = [];
  };
  // Even on an abrupt exit: a frozen PostgreSQL would otherwise never stop.
  process.once("exit", thaw);

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    thaw();
    await cluster.stop().catch(() => {});
    removeFolder();
  };

  try {
    const urls = await cluster.ensureDatabase(DATABASE);
    await prepareDatabase({ migrationUrl: urls.owner, appUrl: urls.app });
    // Only in this throw-away cluster: the owner may end the app role's
    // backends (pg_terminate_backend needs membership of pg_signal_backend).
    await withClient(urls.superuser, (client) => client.query(`GRANT pg_signal_backend TO ${OWNER_ROLE}`));
    return {
      url: urls.app,
      ownerUrl: urls.owner,
      pid: () => cluster.pid,
      async terminateAppConnections() {
        return withClient(urls.owner, async (client) => {
          const { rows } = await client.query<{ ended: boolean }>(
            "SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE usename = $1 AND pid <> pg_backend_pid()",
            [APP_ROLE],
          );
          return rows.filter((row) => row.ended).length;
        });
      },
      async stopServer() {
        const pid = cluster.pid;
        if (pid === null) throw new Error("PostgreSQL is not running");
        const how = await stopProcess(pid, STOP_STEPS);
        if (isAlive(pid)) throw new Error(`PostgreSQL (pid ${pid}) did not stop`);
        return how === "SIGINT" || how === null ? "fast shutdown" : `${how} after the fast shutdown took too long`;
      },
      async startServer() {
        const how = await cluster.recover({ start: true });
        if (how === "gone") throw new Error("PostgreSQL did not start again");
      },
      freeze() {
        const postmaster = cluster.pid;
        if (postmaster === null) throw new Error("PostgreSQL is not running");
        // The postmaster first, so it forks no new backend while we look for its children.
        process.kill(postmaster, "SIGSTOP");
        frozen = [postmaster];
        for (const pid of childrenOf(postmaster)) {
          try {
            process.kill(pid, "SIGSTOP");
            frozen.push(pid);
          } catch {
            // Ended while we looked.
          }
        }
        return frozen.length;
      },
      thaw,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Direct children of a process (PostgreSQL's backends and auxiliary processes), from /proc. */
function childrenOf(parent: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === parent) children.push(Number(entry));
    } catch {
      // Ended while we looked.
    }
  }
  return children;
}
