// npm run bench: seeds a large practice (150 clients × 2 years of daily
// homework) and a small one (5 clients, ≈1k entries) into one throw-away
// database, serves the production build, and measures server response
// times of the caseload dashboard and a client's progress page against a
// trivial page, at both sizes, in the same run. Prints percentiles, the
// ratios the goals are stated in, and the statements that took the time.
// Options: --requests N (measured per page, default 120), --warmup N (default
// 10), --hold (keep the database and server up afterwards, for EXPLAIN and
// poking around, until Ctrl-C).
import { randomBytes } from "node:crypto";
import os from "node:os";
import type pg from "pg";
import { startBenchDatabase, withClient, type BenchDatabase } from "../bench/database";
import { BENCH_DIST_DIR, ensureBenchBuild } from "../bench/build";
import { Session } from "../bench/http";
import { BENCH_PASSWORD, GROUP_CLINICIAN_EMAIL, PRACTICES, type PracticeSize } from "../bench/practices";
import { formatResults, type PageKind, type Target } from "../bench/report";
import { startBenchServer, type BenchServer } from "../bench/server";
import { resetStatementStats, topStatements } from "../bench/slow-queries";
import { freePort } from "./lib/free-port";
import { run, TSX_BIN, withServerConditions } from "./lib/run";

const say = (line = "") => console.log(line ? `[bench] ${line}` : "");
const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} needs a whole number above 0`);
  return value;
};
const REQUESTS = option("requests", 120);
const WARMUP = option("warmup", 10);
const HOLD = process.argv.includes("--hold");

const phases: [string, number][] = [];
async function phase<T>(name: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    const seconds = (performance.now() - started) / 1000;
    phases.push([name, seconds]);
    say(`${name}: ${seconds.toFixed(1)} s`);
  }
}
const load = () => os.loadavg().map((value) => value.toFixed(2)).join(" / ");

const running: { database?: BenchDatabase; server?: BenchServer } = {};
let stopping = false;
async function cleanUp() {
  if (stopping) return;
  stopping = true;
  await running.server?.stop().catch(() => {});
  await running.database?.stop().catch(() => {});
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    say(`${signal}: stopping the server and the database…`);
    void cleanUp().finally(() => process.exit(130));
  });
}

let failed = false;
try {
  say(`${os.cpus().length} cores, load average (1/5/15 min) ${load()} at the start`);
  const database = await phase("Database (throw-away PostgreSQL, migrations, built-in library)", startBenchDatabase);
  running.database = database;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    APP_URL: "",
    SMTP_URL: "",
    JOBS_SECRET: "",
    NEXT_TELEMETRY_DISABLED: "1",
  };

  await phase("Seeding the practices (large, small, group of 20 clinicians)", () =>
    run(process.execPath, [TSX_BIN, "scripts/bench-seed.ts"], { env: withServerConditions(env) }),
  );
  await withClient(database.url, printCounts);

  const build = await phase(`Production build (${BENCH_DIST_DIR})`, () => ensureBenchBuild(env, say));
  if (build === "current") say("The bench build is current; not rebuilt.");

  const server = await phase("Starting the server", async () => startBenchServer(env, await freePort()));
  running.server = server;

  const targets = await phase("Signing in and choosing pages", () => chooseTargets(server.baseUrl, database.url));
  for (const target of targets) {
    say(`  ${target.size} ${target.page}: ${target.path}${target.standIn ? `  (${target.standIn})` : ""}`);
  }

  await phase(`Warm-up (${WARMUP} requests per page)`, () => measure(targets, WARMUP, false));
  await withClient(database.url, resetStatementStats);
  const memoryBefore = server.memory();
  const loadBefore = load();
  await phase(`Measuring (${REQUESTS} requests per page, interleaved)`, () => measure(targets, REQUESTS, true));
  const memoryAfter = server.memory();
  const loadAfter = load();
  const statements = await withClient(database.url, (client) => topStatements(client));

  say();
  say(`Results, ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores; load average (1/5/15 min) ${loadBefore} before measuring, ${loadAfter} after:`);
  if (os.loadavg()[0]! > os.cpus().length) {
    say(`Note: the load average is above the number of cores; other work shared the CPU, so absolute times are inflated (ratios less so: pages were interleaved).`);
  }
  for (const line of formatResults(targets)) console.log(line);
  console.log("");
  if (memoryBefore && memoryAfter) {
    console.log(`Server memory (Trellis's server and its child processes, /proc VmRSS): ${memoryBefore.rssMiB.toFixed(0)} MiB after the warm-up, ${memoryAfter.rssMiB.toFixed(0)} MiB after measuring, peak ${memoryAfter.peakRssMiB.toFixed(0)} MiB`);
  } else {
    console.log("Server memory: not available (reads /proc, Linux only)");
  }
  console.log("\nDatabase statements by total time during the measured requests (pg_stat_statements):");
  for (const line of statements) console.log(line);
  console.log("\nPhases:");
  for (const [name, seconds] of phases) console.log(`  ${name.padEnd(64)} ${seconds.toFixed(1).padStart(7)} s`);
  if (HOLD) {
    say();
    say(`Holding (Ctrl-C stops). Database: ${database.url}`);
    say(`Server: ${server.baseUrl}, therapists ${PRACTICES.large.therapist.email} and ${PRACTICES.small.therapist.email}, password ${BENCH_PASSWORD}`);
    await new Promise(() => {});
  }
} catch (error) {
  failed = true;
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
} finally {
  await cleanUp();
}
process.exit(failed ? 1 : 0);

async function printCounts(client: pg.Client) {
  const { rows } = await client.query<Record<string, string>>(`
    SELECT u.email,
      (SELECT count(*) FROM "Client" c WHERE c."therapistId" = u.id) AS clients,
      (SELECT count(*) FROM "Assignment" a WHERE a."therapistId" = u.id) AS assignments,
      (SELECT count(*) FROM "Submission" s WHERE s."practiceId" = u."practiceId" AND s.status = 'SUBMITTED') AS submitted,
      (SELECT count(*) FROM "Submission" s WHERE s."practiceId" = u."practiceId" AND s.status = 'SUBMITTED' AND s."reviewedAt" IS NULL) AS unreviewed,
      (SELECT count(*) FROM "Submission" s WHERE s."practiceId" = u."practiceId" AND s.status = 'DRAFT') AS drafts,
      (SELECT count(*) FROM "Measurement" m WHERE m."practiceId" = u."practiceId") AS measurements,
      (SELECT count(*) FROM "SafetyFlag" f WHERE f."practiceId" = u."practiceId") AS flags,
      (SELECT count(*) FROM "SafetyFlag" f WHERE f."practiceId" = u."practiceId" AND f."acknowledgedAt" IS NULL) AS open_flags,
      (SELECT count(*) FROM "Feedback" k WHERE k."therapistId" = u.id) AS feedback
    FROM "User" u WHERE u.email = ANY($1::text[]) ORDER BY u.email`,
    [[PRACTICES.large.therapist.email, PRACTICES.small.therapist.email, PRACTICES.group.therapist.email, GROUP_CLINICIAN_EMAIL]]);
  for (const row of rows) {
    say(`  ${row.email}: ${row.clients} clients, ${row.assignments} assignments, ${row.submitted} submitted entries (${row.unreviewed} not reviewed), ${row.drafts} drafts, ${row.measurements} measurements, ${row.flags} safety flags (${row.open_flags} open), ${row.feedback} feedback notes`);
  }
}

/** Signs in as each practice's therapist and settles which URL stands for each page. */
type RunTarget = Target & { session: Session; before?: () => Promise<void> };

async function chooseTargets(baseUrl: string, databaseUrl: string): Promise<RunTarget[]> {
  const targets: RunTarget[] = [];
  for (const size of ["large", "small"] as PracticeSize[]) {
    const plan = PRACTICES[size];
    const session = new Session(baseUrl);
    await session.signIn(plan.therapist.email, BENCH_PASSWORD);
    const busiest = await withClient(databaseUrl, async (client) => {
      const { rows } = await client.query<{ id: string }>(`
        SELECT s."clientId" AS id FROM "Submission" s JOIN "User" u ON u."practiceId" = s."practiceId"
        WHERE u.email = $1 GROUP BY s."clientId" ORDER BY count(*) DESC, s."clientId" LIMIT 1`, [plan.therapist.email]);
      return rows[0]!.id;
    });
    const pages: [PageKind, string, string][] = [
      ["trivial", "/account", ""],
      ["dashboard", "/dashboard", "/clients"],
      ["dashboard-cold", "/dashboard", ""],
      ["progress", `/clients/${busiest}/progress`, `/clients/${busiest}`],
    ];
    // The cold dashboard: before each (untimed) request every client's
    // caseload version moves, as if each had just submitted something, so no
    // computed row can be reused (lib/caseload/row-cache).
    const invalidateRows = async () => {
      await withClient(databaseUrl, (client) =>
        client.query(`UPDATE "Client" c SET "caseloadVersion" = c."caseloadVersion" + 1 FROM "User" u WHERE u.id = c."therapistId" AND u.email = $1`, [plan.therapist.email]),
      );
    };
    for (const [page, path, fallback] of pages) {
      const probe = await session.timedGet(path);
      if (probe.status === 200) {
        targets.push({ size, page, path, samples: [], bytes: probe.bytes, session, ...(page === "dashboard-cold" ? { before: invalidateRows } : {}) });
      } else if (probe.status === 404 && fallback) {
        const standIn = await session.timedGet(fallback);
        if (standIn.status !== 200) throw new Error(`${fallback} answered ${standIn.status}`);
        say(`  ${path} answered 404 (not built yet); measuring ${fallback} in its place`);
        targets.push({ size, page, path: fallback, standIn: `${path} is missing`, samples: [], bytes: standIn.bytes, session });
      } else {
        throw new Error(`${path} answered ${probe.status}${probe.location ? ` → ${probe.location}` : ""}`);
      }
    }
  }

  // The group practice: one clinician's own caseload, and the owner's view of
  // all twenty (both paginated the same way), signed in as each.
  const clinician = new Session(baseUrl);
  await clinician.signIn(GROUP_CLINICIAN_EMAIL, BENCH_PASSWORD);
  const owner = new Session(baseUrl);
  await owner.signIn(PRACTICES.group.therapist.email, BENCH_PASSWORD);
  for (const [page, session] of [["dashboard", clinician], ["practice-dashboard", owner], ["trivial", owner]] as const) {
    const path = page === "trivial" ? "/account" : "/dashboard";
    const probe = await session.timedGet(path);
    if (probe.status !== 200) throw new Error(`group ${page} ${path} answered ${probe.status}${probe.location ? ` → ${probe.location}` : ""}`);
    targets.push({ size: "group", page, path, samples: [], bytes: probe.bytes, session });
  }
  return targets;
}

/** Sequential requests; each round visits every page in a fresh order, so background noise hits all pages alike. */
async function measure(targets: RunTarget[], rounds: number, record: boolean) {
  for (let round = 0; round < rounds; round++) {
    const order = [...targets];
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const target of order) {
      await target.before?.();
      const result = await target.session.timedGet(target.path);
      if (result.status !== 200) throw new Error(`${target.path} answered ${result.status} during the run`);
      if (record) {
        target.samples.push(result.ms);
        target.bytes = result.bytes;
      }
    }
  }
}
