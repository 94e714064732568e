// Issue 9, failure #4: `npm start` must always come back. Each case starts
// real processes (a real PostgreSQL in a temporary folder, Trellis's own web
// server in development mode, which needs no build) and reproduces what was
// measured: a stale postmaster.pid naming a live unrelated process, kill -9
// of the starter (orphans), PostgreSQL dying under a running Trellis, Ctrl-C
// after PostgreSQL was restarted from outside, and a data folder the
// `postgres` system user cannot reach. The supervisor is the one `npm start`
// uses (scripts/lib/supervise.ts), run by a small script written here.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, withClient, type EmbeddedCluster } from "@/scripts/lib/embedded-postgres";
import { freePort } from "@/scripts/lib/free-port";
import { inspectCluster, postgresProcessesIn } from "@/scripts/lib/postmaster-pid";
import { assertReachable, postgresAccount, postgresBinaries, StartupError } from "@/scripts/lib/postmaster";
import { isAlive, listenerOn } from "@/scripts/lib/processes";
import { clearWebPort, PortInUse, SUPERVISOR_VARIABLE } from "@/scripts/lib/supervise";

const checkout = path.resolve(import.meta.dirname, "../..");
const lib = (name: string) => path.join(checkout, "scripts/lib", name);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let root: string;
const started: ChildProcess[] = [];
const clusters: EmbeddedCluster[] = [];

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "trellis-npm-start-"));
  // The server runs as the `postgres` user when we are root.
  chmodSync(root, 0o755);
});

afterEach(async () => {
  for (const cluster of clusters.splice(0)) await cluster.stop().catch(() => {});
  for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

afterAll(() => {
  for (const dataDir of dataDirs) for (const pid of postgresProcessesIn(dataDir)) process.kill(pid, "SIGKILL");
  rmSync(root, { recursive: true, force: true });
});

const dataDirs: string[] = [];
function newDataDir(name: string) {
  const dataDir = path.join(root, name);
  dataDirs.push(dataDir);
  return dataDir;
}

async function waitFor<T>(what: string, check: () => T | Promise<T>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

const canQuery = (url: string) =>
  withClient(url, async (client) => (await client.query("SELECT 1 AS one")).rows[0].one === 1).catch(() => false);

/**
 * A process that supervises like `npm start` (scripts/serve.ts): an embedded
 * cluster kept running by keepPostgresRunning and Trellis's web server
 * started with spawnSupervised; SIGINT stops the web server, then
 * PostgreSQL. It prints one JSON line when ready and `say …` lines.
 */
const HARNESS = `
import { startEmbeddedPostgres } from ${JSON.stringify(lib("embedded-postgres.ts"))};
import { keepPostgresRunning, spawnSupervised, stopSupervised } from ${JSON.stringify(lib("supervise.ts"))};
const [dataDir, pgPort, webPort, databaseUrl] = process.argv.slice(2);
const say = (line) => console.log("say " + line);
const cluster = await startEmbeddedPostgres({ dataDir, port: Number(pgPort), fast: true, notice: say });
let web = null;
let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  const from = Date.now();
  if (web) await stopSupervised(web);
  await cluster.stop();
  say("stopped in " + (Date.now() - from) + " ms");
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
keepPostgresRunning(cluster, { say, giveUp: (message) => { say("gave up: " + message); void shutdown(1); } });
if (webPort !== "-") {
  web = spawnSupervised(process.execPath, ["--import", "tsx", "scripts/server/trellis-server.ts", "dev", "--port", webPort, "--hostname", "127.0.0.1"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, NEXT_DIST_DIR: ".next-ops", NEXT_TELEMETRY_DISABLED: "1" },
    stdout: "pipe",
  });
  await new Promise((resolve) => web.stdout.on("data", (chunk) => String(chunk).includes("Ready") && resolve()));
}
// Like npm start, alive until stopped (PostgreSQL alone does not hold the event loop).
setInterval(() => {}, 60_000);
console.log(JSON.stringify({ pg: cluster.pid, web: web?.pid ?? null }));
`;

type Harness = { child: ChildProcess; output: () => string; pg: number; web: number | null };

async function startHarness(dataDir: string, options: { pgPort?: number; webPort?: number | null } = {}): Promise<Harness> {
  const file = path.join(root, "harness.mts");
  writeFileSync(file, HARNESS);
  const pgPort = options.pgPort ?? (await freePort());
  const webPort = options.webPort === undefined ? await freePort() : options.webPort;
  const child = spawn(process.execPath, ["--import", "tsx", file, dataDir, String(pgPort), webPort === null ? "-" : String(webPort), process.env.DATABASE_URL!], {
    cwd: checkout,
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(child);
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const ready = await waitFor("the harness to be ready", () => output.split("\n").find((line) => line.startsWith("{")), 90_000);
  return { child, output: () => output, ...(JSON.parse(ready ?? "{}") as { pg: number; web: number | null }) };
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once("exit", () => resolve()));

describe("a stale postmaster.pid", () => {
  it("naming a live process that is not PostgreSQL is removed with one line, and the cluster starts", async () => {
    const dataDir = newDataDir("stale");
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dataDir, port, fast: true });
    const pidFile = readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n");
    await first.stop();

    // Measured: PostgreSQL refused to start ("lock file already exists") and the app got a bare ECONNREFUSED.
    const unrelated = spawn("sleep", ["60"], { stdio: "ignore" });
    started.push(unrelated);
    writeFileSync(path.join(dataDir, "postmaster.pid"), [String(unrelated.pid), ...pidFile.slice(1)].join("\n"));
    expect(inspectCluster(dataDir)).toMatchObject({ kind: "stale", live: true });

    const notices: string[] = [];
    const cluster = await startEmbeddedPostgres({ dataDir, port, fast: true, notice: (line) => notices.push(line) });
    clusters.push(cluster);
    expect(notices).toEqual([expect.stringMatching(/^Removing a stale postmaster\.pid .*: it names pid \d+: sleep 60, which is not PostgreSQL\.$/)]);
    expect(await canQuery((await cluster.ensureDatabase("trellis")).app)).toBe(true);
    expect(cluster.pid).not.toBe(unrelated.pid);
    // Someone else's process is left alone.
    expect(isAlive(unrelated.pid!)).toBe(true);
  }, 60_000);

  it("naming a PostgreSQL of another data folder is stale too; a live owner's cluster is used, not taken over", async () => {
    const other = await startEmbeddedPostgres({ dataDir: newDataDir("other"), port: await freePort(), fast: true });
    clusters.push(other);
    const dataDir = newDataDir("borrowed");
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dataDir, port, fast: true });
    const pidFile = readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n");

    // Still running, started by this live process: a second user shares it and does not stop it.
    const second = await startEmbeddedPostgres({ dataDir, port, fast: true });
    expect(second.owned).toBe(false);
    await second.stop();
    expect(isAlive(first.pid!)).toBe(true);
    await first.stop();

    writeFileSync(path.join(dataDir, "postmaster.pid"), [String(other.pid), ...pidFile.slice(1)].join("\n"));
    expect(inspectCluster(dataDir)).toMatchObject({ kind: "stale", reason: expect.stringContaining("another data folder") });
    const cluster = await startEmbeddedPostgres({ dataDir, port, fast: true });
    clusters.push(cluster);
    expect(cluster.owned).toBe(true);
    expect(isAlive(other.pid!)).toBe(true);
  }, 60_000);
});

describe("kill -9 of the process that started PostgreSQL and the web server", () => {
  it("takes both with it within seconds", async () => {
    const dataDir = newDataDir("killed");
    const harness = await startHarness(dataDir);
    expect(isAlive(harness.pg) && isAlive(harness.web!)).toBe(true);
    // Measured: both kept running, and the next start failed with EADDRINUSE.
    const from = Date.now();
    harness.child.kill("SIGKILL");
    await waitFor("PostgreSQL and the web server to stop", () => !isAlive(harness.pg) && !isAlive(harness.web!), 10_000);
    const seconds = (Date.now() - from) / 1000;
    console.log(`kill -9 of the starter: PostgreSQL and the web server gone in ${seconds.toFixed(2)} s`);
    expect(seconds).toBeLessThan(5);
    expect(postgresProcessesIn(dataDir)).toEqual([]);
  }, 120_000);

  it("and of its orphan guard: the web server stops itself, and the next start stops the orphaned PostgreSQL with a message", async () => {
    const dataDir = newDataDir("orphaned");
    const pgPort = await freePort();
    const harness = await startHarness(dataDir, { pgPort });
    const guard = Number(
      spawnSync("pgrep", ["-P", String(harness.child.pid), "-f", "orphan-guard.mjs"], { encoding: "utf8" }).stdout.trim() ||
        // Detached children keep their parent until it dies.
        "0",
    );
    expect(guard).toBeGreaterThan(0);
    process.kill(guard, "SIGKILL");
    harness.child.kill("SIGKILL");
    // The web server reads the end of its stdin pipe.
    await waitFor("the web server to stop by itself", () => !isAlive(harness.web!), 10_000);
    await sleep(300);
    expect(isAlive(harness.pg)).toBe(true);
    expect(inspectCluster(dataDir)).toMatchObject({ kind: "running", orphaned: true, pid: harness.pg });

    const notices: string[] = [];
    const from = Date.now();
    const cluster = await startEmbeddedPostgres({ dataDir, port: pgPort, fast: true, notice: (line) => notices.push(line) });
    clusters.push(cluster);
    const seconds = (Date.now() - from) / 1000;
    console.log(`orphaned PostgreSQL stopped and a new one started in ${seconds.toFixed(2)} s`);
    expect(notices).toEqual([expect.stringMatching(/^Stopping a PostgreSQL \(pid \d+\) left running in .* by an earlier start that was killed…$/)]);
    expect(isAlive(harness.pg)).toBe(false);
    expect(cluster.owned).toBe(true);
    expect(cluster.pid).not.toBe(harness.pg);
  }, 120_000);

  it("a web server of this checkout left on the port is stopped; anything else on the port is named", async () => {
    const port = await freePort();
    // A Trellis web server whose supervisor is gone (pid 1 never started it), still holding its port.
    const orphan = spawn(process.execPath, ["--import", "tsx", "scripts/server/trellis-server.ts", "dev", "--port", String(port), "--hostname", "127.0.0.1"], {
      cwd: checkout,
      env: { ...process.env, [SUPERVISOR_VARIABLE]: "1:0", NEXT_DIST_DIR: ".next-ops", NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["pipe", "ignore", "ignore"],
    });
    started.push(orphan);
    await waitFor("the orphan to listen", () => listenerOn(port) === orphan.pid, 60_000);
    const lines: string[] = [];
    await clearWebPort(port, checkout, (line) => lines.push(line));
    expect(lines).toEqual([`Stopping Trellis's web server (pid ${orphan.pid}) left running on port ${port} by an earlier start that was killed…`]);
    expect(listenerOn(port)).toBeNull();

    const stranger = net.createServer().listen(port, "127.0.0.1");
    await new Promise((resolve) => stranger.once("listening", resolve));
    try {
      const refusal = await clearWebPort(port, checkout, () => {}).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(PortInUse);
      expect((refusal as Error).message).toBe(
        `Port ${port} is in use by another program (pid ${process.pid}: ${readFileSync(`/proc/${process.pid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ").slice(0, 120)}). Stop it, or set PORT to a free port.`,
      );
    } finally {
      stranger.close();
    }
  }, 120_000);
});

describe("PostgreSQL dying under a running Trellis", () => {
  it("is restarted once with a message; dying again soon after stops Trellis with the reason", async () => {
    const dataDir = newDataDir("dying");
    const harness = await startHarness(dataDir, { webPort: null });
    // Measured: it went unnoticed and every request answered 500.
    const from = Date.now();
    process.kill(harness.pg, "SIGKILL");
    await waitFor("the restart", () => /say PostgreSQL is running again \(pid (\d+)/.exec(harness.output()), 15_000);
    console.log(`PostgreSQL killed under the supervisor: running again after ${((Date.now() - from) / 1000).toFixed(2)} s`);
    expect(harness.output()).toMatch(/say PostgreSQL was killed \(SIGKILL\)\. Restarting it…/);
    const restarted = inspectCluster(dataDir);
    expect(restarted).toMatchObject({ kind: "running", orphaned: false, ownerPid: harness.child.pid });
    const credentials = JSON.parse(readFileSync(`${dataDir}-credentials.json`, "utf8")) as { superuser: string };
    const port = (restarted as { port: number }).port;
    expect(await canQuery(`postgresql://postgres:${encodeURIComponent(credentials.superuser)}@127.0.0.1:${port}/postgres`)).toBe(true);

    process.kill((restarted as { pid: number }).pid, "SIGKILL");
    await exited(harness.child);
    expect(harness.child.exitCode).toBe(1);
    expect(harness.output()).toMatch(/say PostgreSQL was killed \(SIGKILL\)\.\nsay gave up: PostgreSQL stopped again within 5 minutes of being restarted; stopping Trellis/);
    expect(postgresProcessesIn(dataDir)).toEqual([]);
  }, 120_000);
});

describe("Ctrl-C", () => {
  it("stops the web server and PostgreSQL within 5 s", async () => {
    const dataDir = newDataDir("ctrl-c");
    const harness = await startHarness(dataDir);
    const from = Date.now();
    harness.child.kill("SIGINT");
    await exited(harness.child);
    const seconds = (Date.now() - from) / 1000;
    console.log(`Ctrl-C: everything stopped in ${seconds.toFixed(2)} s`);
    expect(seconds).toBeLessThan(5);
    expect(harness.child.exitCode).toBe(0);
    expect(isAlive(harness.web!)).toBe(false);
    expect(postgresProcessesIn(dataDir)).toEqual([]);
  }, 120_000);

  it("also after PostgreSQL was restarted from outside (pg_ctl restart, after a crash restart): adopted, then stopped within 5 s", async () => {
    const dataDir = newDataDir("outside");
    const harness = await startHarness(dataDir, { webPort: null });
    // A crash first: a restart by hand soon after is not a second crash.
    process.kill(harness.pg, "SIGKILL");
    await waitFor("the restart", () => harness.output().includes("say PostgreSQL is running again"), 15_000);
    const { pg_ctl } = await postgresBinaries();
    const account = postgresAccount();
    const restart = spawnSync(pg_ctl, ["restart", "-D", dataDir, "-m", "fast", "-w", "-l", path.join(dataDir, "outside.log")], {
      cwd: "/",
      ...account,
      encoding: "utf8",
    });
    expect(restart.status, restart.stderr).toBe(0);
    await waitFor("the adoption", () => /say PostgreSQL was restarted from outside \(now pid (\d+)\)/.exec(harness.output()), 15_000);
    const outside = inspectCluster(dataDir) as { kind: string; pid: number };
    expect(outside.kind).toBe("running");
    expect(outside.pid).not.toBe(harness.pg);
    expect(harness.output()).toMatch(/say PostgreSQL was shut down from outside \(its last message: LOG: received fast shutdown request\)\.\n/);
    expect(harness.output()).not.toContain("gave up");

    // Measured: Ctrl-C then took 12 s and left this PostgreSQL running.
    const from = Date.now();
    harness.child.kill("SIGINT");
    await exited(harness.child);
    const seconds = (Date.now() - from) / 1000;
    console.log(`Ctrl-C after an outside restart: stopped in ${seconds.toFixed(2)} s`);
    expect(seconds).toBeLessThan(5);
    expect(isAlive(outside.pid)).toBe(false);
    expect(postgresProcessesIn(dataDir)).toEqual([]);
  }, 120_000);
});

describe("a folder the postgres system user cannot enter", () => {
  const isRoot = process.getuid?.() === 0;

  it("gets one line that explains and gives the fix (as root), or simply works (PostgreSQL runs as us)", async () => {
    // Measured: root under /root (mode 700) → a stack trace from initdb (spawn … EACCES).
    const closed = mkdtempSync(path.join(root, "closed-"));
    chmodSync(closed, 0o700);
    const dataDir = path.join(closed, "pg");
    dataDirs.push(dataDir);
    const attempt = startEmbeddedPostgres({ dataDir, port: await freePort(), fast: true });
    if (!isRoot) {
      const cluster = await attempt;
      clusters.push(cluster);
      expect(cluster.owned).toBe(true);
      return;
    }
    const error = await attempt.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StartupError);
    expect((error as Error).message).toBe(
      `The embedded PostgreSQL runs as the system user "postgres", which cannot enter ${closed} (mode 700, owned by root), on the way to its data folder ${dataDir}. ` +
        `Move the project under /srv or /home (or let that user pass with: chmod o+x ${closed}), or set DATABASE_URL to a PostgreSQL server of your own.`,
    );
    // The project itself out of reach (its binaries are in node_modules) names the project.
    const binaries = await postgresBinaries();
    const elsewhere = { ...binaries, postgres: path.join(closed, "node_modules/bin/postgres") };
    expect(() => assertReachable(postgresAccount()!, elsewhere, path.join(root, "open", "pg"))).toThrow(/cannot enter .*closed-\w+ \(mode 700, owned by root\), where this project is\./);
  }, 60_000);

  it("npm start prints that line alone and exits non-zero", async () => {
    // Not root: PostgreSQL runs as this account, which can enter its own folders; nothing to refuse.
    if (!isRoot) return void expect(postgresAccount()).toBeNull();
    const closed = mkdtempSync(path.join(root, "project-"));
    chmodSync(closed, 0o700);
    // serve.ts keeps its data in .data/ of the folder it runs in.
    const result = spawnSync(process.execPath, [path.join(checkout, "node_modules/tsx/dist/cli.mjs"), "--tsconfig", path.join(checkout, "tsconfig.json"), path.join(checkout, "scripts/serve.ts"), "start"], {
      cwd: closed,
      env: { ...process.env, DATABASE_URL: "", PORT: String(await freePort()), EMBEDDED_PG_PORT: String(await freePort()) },
      encoding: "utf8",
      timeout: 60_000,
    });
    dataDirs.push(path.join(closed, ".data/pg"));
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^\[trellis\] The embedded PostgreSQL runs as the system user "postgres", which cannot enter .*project-\w+ \(mode 700, owned by root\), on the way to its data folder .*Move the project under \/srv or \/home/),
    ]);
  }, 90_000);
});
