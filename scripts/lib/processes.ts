// What Linux's /proc says about other processes: whether a pid is still the
// process we think it is (pids are reused), what it runs, where, and who
// listens on a port. Each helper answers null where /proc is missing or the
// process is not ours to read, so callers fall back to plainer checks.
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import path from "node:path";

const readOrNull = (file: string): string | null => {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
};

/** Fields of /proc/<pid>/stat after the command name (which may contain spaces and parentheses). */
function statFields(pid: number): string[] | null {
  const stat = readOrNull(`/proc/${pid}/stat`);
  if (!stat) return null;
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

/** When the process started, in clock ticks since boot: with the pid, it names one process for good. */
export function startTimeOf(pid: number): string | null {
  return statFields(pid)?.[19] ?? null;
}

export function parentOf(pid: number): number | null {
  const ppid = Number(statFields(pid)?.[1]);
  return Number.isInteger(ppid) && ppid > 0 ? ppid : null;
}

/** Alive and not a zombie waiting to be reaped; with `startTime`, also the same process as when it was seen. */
export function isAlive(pid: number, startTime?: string | null): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const fields = statFields(pid);
  if (!fields) return true;
  if (fields[0] === "Z" || fields[0] === "X") return false;
  return !startTime || fields[19] === startTime;
}

export function commandLineOf(pid: number): string[] | null {
  const raw = readOrNull(`/proc/${pid}/cmdline`);
  return raw ? raw.split("\0").filter(Boolean) : null;
}

export function describeProcess(pid: number): string {
  const args = commandLineOf(pid);
  return args ? `pid ${pid}: ${args.join(" ").slice(0, 120)}` : `pid ${pid}`;
}

export function workingDirectoryOf(pid: number): string | null {
  try {
    return readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    return null;
  }
}

export function environmentOf(pid: number): Record<string, string> | null {
  const raw = readOrNull(`/proc/${pid}/environ`);
  if (raw === null) return null;
  const env: Record<string, string> = {};
  for (const entry of raw.split("\0")) {
    const at = entry.indexOf("=");
    if (at > 0) env[entry.slice(0, at)] = entry.slice(at + 1);
  }
  return env;
}

export function allPids(): number[] {
  try {
    return readdirSync("/proc")
      .filter((name) => /^\d+$/.test(name))
      .map(Number);
  } catch {
    return [];
  }
}

/** The process listening on a TCP port (any address), when this account may see it. */
export function listenerOn(port: number): number | null {
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const line of (readOrNull(table) ?? "").split("\n").slice(1)) {
      // sl, local_address (HEXIP:HEXPORT), rem_address, st (0A is LISTEN), tx:rx, tr:when, retrnsmt, uid, timeout, inode.
      const [, local, , state, , , , , , inode] = line.trim().split(/\s+/);
      if (state === "0A" && inode && parseInt(local?.split(":")[1] ?? "", 16) === port) inodes.add(inode);
    }
  }
  if (!inodes.size) return null;
  for (const pid of allPids()) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const target = readlinkSync(path.join(`/proc/${pid}/fd`, fd));
        if (target.startsWith("socket:[") && inodes.has(target.slice(8, -1))) return pid;
      } catch {
        // Closed while we looked.
      }
    }
  }
  return null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the process is gone; false if it is still there after `ms`. */
export async function waitForExit(pid: number, ms: number, startTime?: string | null): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (isAlive(pid, startTime)) {
    if (Date.now() >= deadline) return false;
    await sleep(25);
  }
  return true;
}

/**
 * Stops a process politely, then firmly: each signal in turn, waiting up to
 * its grace period for the process to go. Returns the signal that worked
 * (null: it was already gone).
 */
export async function stopProcess(
  pid: number,
  steps: Array<[NodeJS.Signals, number]>,
  startTime?: string | null,
): Promise<NodeJS.Signals | null> {
  startTime ??= startTimeOf(pid);
  for (const [signal, graceMs] of steps) {
    if (!isAlive(pid, startTime)) return null;
    try {
      process.kill(pid, signal);
    } catch {
      return null;
    }
    if (await waitForExit(pid, graceMs, startTime)) return signal;
  }
  return isAlive(pid, startTime) ? (steps.at(-1)?.[0] ?? null) : null;
}

/** How PostgreSQL is asked to stop: fast shutdown, then immediate, then kill (what `pg_ctl stop -m fast|immediate` sends). */
export const POSTGRES_STOP: Array<[NodeJS.Signals, number]> = [
  ["SIGINT", 2_000],
  ["SIGQUIT", 1_000],
  ["SIGKILL", 1_000],
];
/** How a web server is asked to stop: finish what is in flight, briefly. */
export const WEB_SERVER_STOP: Array<[NodeJS.Signals, number]> = [
  ["SIGTERM", 1_500],
  ["SIGKILL", 1_000],
];
