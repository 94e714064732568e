// Reads a cluster's postmaster.pid and decides what it means. PostgreSQL
// refuses to start while the pid in that file is alive, whatever the process
// is now (after a crash or a reboot the number is often reused), and a client
// of a cluster that is not there only gets ECONNREFUSED. So before anything
// trusts the file, the pid must be a live PostgreSQL started in this data
// folder; and whoever started it must still be alive, or it is an orphan.
import { existsSync, readFileSync, realpathSync, unlinkSync } from "node:fs";
import path from "node:path";
import { allPids, commandLineOf, describeProcess, environmentOf, isAlive, parentOf, startTimeOf, workingDirectoryOf } from "./processes";

/** Set in the postmaster's environment by whoever starts it: `<pid>:<start time>` of that process. */
export const OWNER_VARIABLE = "TRELLIS_PG_OWNER";

export type PostmasterPidFile = { pid: number; dataDir: string; port: number; status: string };

export type ClusterState =
  | { kind: "stopped" }
  /** The file names something that is not this cluster's postmaster (`live`: a process that PostgreSQL would take for one). */
  | { kind: "stale"; reason: string; live: boolean }
  | {
      kind: "running";
      pid: number;
      startTime: string | null;
      port: number;
      /** Whoever started it is gone (a run that was killed): nobody will stop it. */
      orphaned: boolean;
      ownerPid: number | null;
    };

export function readPostmasterPid(dataDir: string): PostmasterPidFile | null {
  const file = path.join(dataDir, "postmaster.pid");
  if (!existsSync(file)) return null;
  // Lines: pid, data directory, start time, port, socket directory, listen address, shared memory key, status.
  const lines = readFileSync(file, "utf8").split("\n");
  return { pid: Number(lines[0]), dataDir: lines[1] ?? "", port: Number(lines[3]), status: (lines[7] ?? "").trim() };
}

const samePath = (a: string, b: string) => {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
};

/** A PostgreSQL process (postmaster or backend: their titles start "postgres"). Unknown when /proc is not readable. */
function isPostgresProcess(pid: number): boolean | null {
  const args = commandLineOf(pid);
  if (!args?.[0]) return null;
  return /^postgres(:|$)/.test(path.basename(args[0]));
}

export function inspectCluster(dataDir: string): ClusterState {
  const file = readPostmasterPid(dataDir);
  if (!file) return { kind: "stopped" };
  const { pid } = file;
  if (!Number.isInteger(pid) || pid <= 0) return { kind: "stale", reason: "it names no process", live: false };
  if (!isAlive(pid)) return { kind: "stale", reason: `process ${pid} is no longer running`, live: false };
  if (isPostgresProcess(pid) === false) return { kind: "stale", reason: `it names ${describeProcess(pid)}, which is not PostgreSQL`, live: true };
  const cwd = workingDirectoryOf(pid);
  if (!samePath(file.dataDir, dataDir) || (cwd !== null && !samePath(cwd, dataDir))) {
    return { kind: "stale", reason: `it names process ${pid}, a PostgreSQL of another data folder (${cwd ?? file.dataDir})`, live: true };
  }
  const owner = ownerOf(pid);
  return { kind: "running", pid, startTime: startTimeOf(pid), port: file.port, orphaned: !owner.alive, ownerPid: owner.pid };
}

/** Who started the postmaster, and whether that process still runs. */
function ownerOf(pid: number): { pid: number | null; alive: boolean } {
  const marker = environmentOf(pid)?.[OWNER_VARIABLE];
  if (marker) {
    const [ownerPid, startTime] = marker.split(":");
    return { pid: Number(ownerPid), alive: isAlive(Number(ownerPid), startTime || null) };
  }
  // Started some other way (an older Trellis, pg_ctl by hand): its parent owns
  // it, unless it was handed to init or the parent is not visible.
  const parent = parentOf(pid);
  if (parent === null) return { pid: null, alive: true };
  return { pid: parent, alive: parent !== 1 && isAlive(parent) };
}

/** PostgreSQL processes whose working directory is this data folder (a postmaster and its backends chdir there). */
export function postgresProcessesIn(dataDir: string): number[] {
  return allPids().filter((pid) => pid !== process.pid && isPostgresProcess(pid) && samePath(workingDirectoryOf(pid) ?? "/", dataDir));
}

/**
 * Removes a stale postmaster.pid once no PostgreSQL works in the folder any
 * more (backends of a killed postmaster leave within moments). False if some
 * still do after `waitMs`.
 */
export async function removeStalePidFile(dataDir: string, waitMs = 3_000): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  while (postgresProcessesIn(dataDir).length) {
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  try {
    unlinkSync(path.join(dataDir, "postmaster.pid"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  return true;
}
