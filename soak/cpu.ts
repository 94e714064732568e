// How much CPU each part of the run used (Linux /proc; null elsewhere), so a
// latency figure can be read against a machine that was (or was not) full.
import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100;

/** Busy and total CPU seconds of the whole machine since boot, all cores. */
export function machineCpu(): { busy: number; total: number } | null {
  try {
    const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
    const total = fields.reduce((sum, value) => sum + value, 0);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    return { busy: (total - idle) / TICKS_PER_SECOND, total: total / TICKS_PER_SECOND };
  } catch {
    return null;
  }
}

/**
 * CPU seconds of a process and everything below it: its own, its reaped
 * children's (so backends that have ended still count) and its live descendants'.
 */
export function treeCpu(root: number | null): number | null {
  if (root === null) return null;
  const parents = new Map<number, number>();
  const own = new Map<number, { self: number; reaped: number }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parents.set(Number(entry), Number(fields[1]));
      own.set(Number(entry), { self: Number(fields[11]) + Number(fields[12]), reaped: Number(fields[13]) + Number(fields[14]) });
    } catch {
      // Ended while we looked.
    }
  }
  if (!own.has(root)) return null;
  const tree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (tree.has(parent) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  let ticks = own.get(root)!.reaped;
  for (const pid of tree) ticks += own.get(pid)?.self ?? 0;
  return ticks / TICKS_PER_SECOND;
}
