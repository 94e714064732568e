// Keeping what `npm start` starts in hand: nothing it started outlives it
// (even after kill -9), leftovers of a run that was killed are recognised and
// cleared on the next start, and PostgreSQL dying under a running Trellis is
// noticed and dealt with, never left to answer 500s.
import { spawn, type ChildProcess } from "node:child_process";
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { commandLineOf, describeProcess, environmentOf, isAlive, listenerOn, startTimeOf, stopProcess, WEB_SERVER_STOP, workingDirectoryOf } from "./processes";

const GUARD_SCRIPT = fileURLToPath(new URL("./orphan-guard.mjs", import.meta.url));
/** Set in the web server's environment by `npm start`: the supervising process's `<pid>:<start time>`. */
export const SUPERVISOR_VARIABLE = "TRELLIS_SUPERVISOR";

let guard: ChildProcess | null = null;

function guardInput() {
  if (!guard) {
    // Its own session (detached): Ctrl-C or a kill of this process group must not end the guard before it acts.
    guard = spawn(process.execPath, [GUARD_SCRIPT], { detached: true, stdio: ["pipe", "ignore", "inherit"] });
    guard.on("error", () => {});
    guard.stdin?.on("error", () => {});
    // Never what keeps this process alive.
    guard.unref();
    (guard.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  }
  return guard.stdin;
}

/** A process that an orphan guard stops if this process dies first (see ./orphan-guard.mjs). */
export const orphanGuard = {
  watch(pid: number, kind: "postgres" | "web", startTime: string | null = startTimeOf(pid)) {
    guardInput()?.write(`watch ${pid} ${startTime ?? "-"} ${kind}\n`);
  },
  unwatch(pid: number) {
    guard?.stdin?.write(`unwatch ${pid}\n`);
  },
};

/** This process as an owner marker: `<pid>:<start time>`, so a reused pid never passes for it. */
export function selfMarker(): string {
  return `${process.pid}:${startTimeOf(process.pid) ?? ""}`;
}

export function markerIsAlive(marker: string | undefined): boolean {
  if (!marker) return false;
  const [pid, startTime] = marker.split(":");
  return isAlive(Number(pid), startTime || null);
}

/**
 * Starts a server that stops with this process: in its own process group (so
 * Ctrl-C reaches only this supervisor, which stops it in order), with stdin a
 * pipe whose end tells it we are gone (scripts/server/trellis-server.ts
 * watches it when SUPERVISOR_VARIABLE is set), and known to the orphan guard.
 */
export function spawnSupervised(command: string, args: string[], { env, stdout = "inherit" }: { env: NodeJS.ProcessEnv; stdout?: "pipe" | "inherit" }) {
  const child = spawn(command, args, { env: { ...env, [SUPERVISOR_VARIABLE]: selfMarker() }, detached: true, stdio: ["pipe", stdout, "inherit"] });
  child.stdin?.on("error", () => {});
  if (child.pid) orphanGuard.watch(child.pid, "web");
  return child;
}

/** SIGTERM, then SIGKILL after a short grace period. */
export async function stopSupervised(child: ChildProcess) {
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
  await stopProcess(child.pid, WEB_SERVER_STOP);
  orphanGuard.unwatch(child.pid);
}

export class PortInUse extends Error {}

/**
 * Makes sure `port` is free for Trellis's web server. A server of this
 * checkout left behind by a killed `npm start` is stopped (with a message);
 * a running Trellis or anything else holding the port is named in the error.
 */
export async function clearWebPort(port: number, checkout: string, say: (line: string) => void): Promise<void> {
  const holder = listenerOn(port);
  if (holder === null) return;
  const args = commandLineOf(holder) ?? [];
  const env = environmentOf(holder) ?? {};
  const cwd = workingDirectoryOf(holder);
  const ours = args.some((arg) => arg.endsWith("scripts/server/trellis-server.ts")) && cwd !== null && sameDirectory(cwd, checkout);
  if (ours && env[SUPERVISOR_VARIABLE] && !markerIsAlive(env[SUPERVISOR_VARIABLE])) {
    say(`Stopping Trellis's web server (pid ${holder}) left running on port ${port} by an earlier start that was killed…`);
    await stopProcess(holder, WEB_SERVER_STOP);
    if (listenerOn(port) === null) return;
  }
  if (ours && env[SUPERVISOR_VARIABLE]) {
    throw new PortInUse(`Trellis is already running from this folder on port ${port} (web server pid ${holder}). Stop it first (Ctrl-C in its terminal), or set PORT to another port.`);
  }
  throw new PortInUse(`Port ${port} is in use by another program (${describeProcess(holder)}). Stop it, or set PORT to a free port.`);
}

function sameDirectory(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return a === b;
  }
}

/** What a supervised cluster offers (scripts/lib/embedded-postgres.ts). */
export type SupervisedCluster = {
  readonly pid: number | null;
  /** Called with what happened ("was killed (SIGKILL)", with its last message when it left one). */
  onUnexpectedExit(listener: (what: string) => void): void;
  /** Adopts a postmaster someone else started meanwhile, else (with `start`) starts a new one; "gone" when neither. */
  recover(options?: { start?: boolean }): Promise<"restarted" | "adopted" | "gone">;
};

/**
 * PostgreSQL stopping under a running Trellis: restarted once (or adopted, if
 * someone restarted it by hand); stopping again within `windowMs` of a
 * restart, or failing to restart, ends Trellis with the reason.
 */
export function keepPostgresRunning(
  cluster: SupervisedCluster,
  { say, giveUp, windowMs = 5 * 60_000 }: { say: (line: string) => void; giveUp: (message: string) => void; windowMs?: number },
) {
  let lastRestart = 0;
  cluster.onUnexpectedExit((what) => {
    void (async () => {
      const again = Date.now() - lastRestart < windowMs;
      say(`PostgreSQL ${what}.${again ? "" : " Restarting it…"}`);
      const started = Date.now();
      try {
        const how = await cluster.recover({ start: !again });
        if (how === "gone") {
          giveUp(
            `PostgreSQL stopped again within ${Math.round(windowMs / 60_000)} minutes of being restarted; stopping Trellis rather than answer every request with an error. Start it again once the cause is fixed.`,
          );
          return;
        }
        if (how === "restarted") lastRestart = Date.now();
        say(
          how === "adopted"
            ? `PostgreSQL was restarted from outside (now pid ${cluster.pid}); Trellis uses it and stops it when it stops.`
            : `PostgreSQL is running again (pid ${cluster.pid}, after ${((Date.now() - started) / 1000).toFixed(1)} s).`,
        );
      } catch (error) {
        giveUp(`PostgreSQL ${what}, and could not be restarted: ${error instanceof Error ? error.message : String(error)}`);
      }
    })();
  });
}
