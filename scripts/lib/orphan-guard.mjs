// Stops the servers a Trellis process started when that process dies without
// stopping them (kill -9, a crash, a closed terminal). Started by
// ./supervise.ts in its own session, so signals aimed at the starter's
// process group do not reach it; the starter writes one line per server to
// this process's stdin:
//   watch <pid> <start time|-> <postgres|web>     unwatch <pid>
// and the end of stdin means the starter is gone. PostgreSQL cannot watch a
// pipe itself, which is why this exists. Plain JavaScript: it must start fast.
import { existsSync, readFileSync } from "node:fs";

const STEPS = {
  // Fast shutdown, then immediate, then kill (what pg_ctl stop -m fast / immediate send).
  postgres: [["SIGINT", 2000], ["SIGQUIT", 1000], ["SIGKILL", 1000]],
  web: [["SIGTERM", 1500], ["SIGKILL", 1000]],
};
const NAMES = { postgres: "PostgreSQL", web: "the web server" };

const watched = new Map();

// null: a zombie or gone; undefined: no /proc to ask (then the pid alone decides).
function startTimeOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return fields[0] === "Z" ? null : fields[19];
  } catch {
    return existsSync("/proc/self/stat") ? null : undefined;
  }
}

function alive(pid, startTime) {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const now = startTimeOf(pid);
  if (now === undefined) return true;
  return now !== null && (startTime === "-" || now === startTime);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function stop(pid, { kind, startTime }) {
  for (const [signal, graceMs] of STEPS[kind] ?? STEPS.web) {
    if (!alive(pid, startTime)) return;
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    for (const deadline = Date.now() + graceMs; alive(pid, startTime) && Date.now() < deadline; ) await sleep(25);
  }
}

let ending = false;
async function starterGone() {
  if (ending) return;
  ending = true;
  const left = [...watched].filter(([pid, entry]) => alive(pid, entry.startTime));
  // The web server first, so it stops taking requests before its database goes.
  for (const kind of ["web", "postgres"]) {
    await Promise.all(left.filter(([, entry]) => entry.kind === kind).map(([pid, entry]) => stop(pid, entry)));
  }
  if (left.length) {
    const what = left.map(([pid, entry]) => `${NAMES[entry.kind] ?? entry.kind} (pid ${pid})`).join(" and ");
    try {
      process.stderr.write(`[trellis] The process that started ${what} ended without stopping ${left.length > 1 ? "them" : "it"}; stopped now.\n`);
    } catch {
      // No terminal left to tell.
    }
  }
  process.exit(0);
}

let pending = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => {
  pending += chunk;
  for (let end = pending.indexOf("\n"); end >= 0; end = pending.indexOf("\n")) {
    const [verb, pid, startTime, kind] = pending.slice(0, end).split(" ");
    pending = pending.slice(end + 1);
    if (verb === "watch") watched.set(Number(pid), { startTime, kind });
    else if (verb === "unwatch") watched.delete(Number(pid));
  }
});
process.stdin.on("end", starterGone);
process.stdin.on("error", starterGone);
// Not ours to obey: only the end of stdin ends this process's watch.
for (const signal of ["SIGINT", "SIGHUP"]) process.on(signal, () => {});
