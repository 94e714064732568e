// Trellis's server on the bench build, and what the bench can see of it from
// outside: when it answers, and how much memory its processes hold.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { trellisServerArgs } from "../scripts/server/command";
import { BENCH_DIST_DIR } from "./build";

export type BenchServer = {
  baseUrl: string;
  pid: number;
  /** Resident memory of the server and its child processes (Linux /proc), in MiB; null elsewhere. */
  memory(): { rssMiB: number; peakRssMiB: number } | null;
  stop(): Promise<void>;
};

export async function startBenchServer(env: NodeJS.ProcessEnv, port: number): Promise<BenchServer> {
  const baseUrl = `http://127.0.0.1:${port}`;
  // Trellis's own server, as `npm start` runs it.
  const child = spawn(process.execPath, trellisServerArgs("start", { port, hostname: "127.0.0.1" }), {
    env: { ...env, NEXT_DIST_DIR: BENCH_DIST_DIR, NODE_ENV: "production", PORT: String(port), APP_URL: env.APP_URL || baseUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Keep the last lines for the error message; print only what looks like trouble.
  const recent: string[] = [];
  const listen = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n").filter(Boolean)) {
      recent.push(line);
      if (recent.length > 40) recent.shift();
      if (/error|warn|unhandled/i.test(line)) console.log(`[server] ${line}`);
    }
  };
  child.stdout?.on("data", listen);
  child.stderr?.on("data", listen);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  // Ctrl-C: the process group gets the signal too, but do not rely on it.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);

  const server: BenchServer = {
    baseUrl,
    pid: child.pid!,
    memory: () => treeMemory(child.pid!),
    async stop() {
      process.off("exit", killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
  try {
    await waitUntilHealthy(baseUrl, child, exited);
  } catch (error) {
    await server.stop();
    throw new Error(`${error instanceof Error ? error.message : error}\n${recent.join("\n")}`);
  }
  return server;
}

async function waitUntilHealthy(baseUrl: string, child: ChildProcess, exited: Promise<number | null>) {
  const deadline = Date.now() + 120_000;
  let gone = false;
  void exited.then(() => (gone = true));
  while (Date.now() < deadline) {
    if (gone) throw new Error(`The server exited with ${child.exitCode ?? child.signalCode}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("The server did not answer /api/health within 2 minutes");
}

function treeMemory(rootPid: number): { rssMiB: number; peakRssMiB: number } | null {
  if (!existsSync(`/proc/${rootPid}/status`)) return null;
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/<pid>/stat, after the parenthesised command name.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  const tree = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, parent] of parentOf) {
      if (tree.has(parent) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  let rssKiB = 0;
  let peakKiB = 0;
  for (const pid of tree) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      rssKiB += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      peakKiB += Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      // Gone.
    }
  }
  return { rssMiB: rssKiB / 1024, peakRssMiB: peakKiB / 1024 };
}
