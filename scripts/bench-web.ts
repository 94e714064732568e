// npm run bench:web: Lighthouse's mobile preset (simulated slow 4G and a 4×
// slower CPU, as Lighthouse ships it) on the pages a phone opens most, signed
// in, against the production build on the demo practice. Per page: the
// performance score, LCP, TBT and the JavaScript it loads (bytes over the
// wire, compressed, and unpacked), the median of N runs (default 3, pages
// interleaved), beside a plain static page (no JavaScript, from a bare
// node:http server) and the app's own not-found page, measured in the same
// run, so a busy machine shows up in the comparison instead of in the figures.
// Goals: performance ≥ 95 and ≤ 100 KiB of compressed JavaScript per page.
// Options: --runs N (3); --list-js prints each page's script files and
// their compressed sizes (from the last run); --explain prints what held each
// page back (the main thread's work by kind, the longest tasks). Uses its own throw-away PostgreSQL and build folder
// (.data/next-bench-web, rebuilt only when the sources changed).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import { request as playwrightRequest } from "@playwright/test";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { DEMO_CLIENTS, DEMO_PASSWORD, DEMO_THERAPIST } from "./seed/demo-accounts";
import { buildIsCurrent, markBuilt, sourceHash } from "./lib/build-stamp";
import { freePort } from "./lib/free-port";
import { NEXT_BIN, run, TSX_BIN, withServerConditions } from "./lib/run";
import { startThrowAwayDatabase, type ThrowAwayDatabase } from "./lib/test-database";
import { trellisServerArgs } from "./server/command";

const DIST_DIR = ".data/next-bench-web";
const CHROMIUM = process.env.CHROME_PATH || "/usr/bin/chromium";
const CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const GOAL_SCORE = 95;
const GOAL_JS_KIB = 100;

const say = (line = "") => console.log(line ? `[bench:web] ${line}` : "");
const load = () => os.loadavg().map((value) => value.toFixed(2)).join(" / ");
const runsAt = process.argv.indexOf("--runs");
const RUNS = runsAt >= 0 ? Number(process.argv[runsAt + 1]) : 3;
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error("--runs needs a whole number above 0");
const LIST_JS = process.argv.includes("--list-js");
const EXPLAIN = process.argv.includes("--explain");

type Target = { name: string; url: string; cookie?: string; notFound?: boolean };
type Sample = {
  score: number;
  lcp: number;
  tbt: number;
  fcp: number;
  jsTransfer: number;
  jsResource: number;
  jsRequests: number;
  scripts: { url: string; transfer: number }[];
  explanation: string[];
};

const cleanUps: (() => Promise<unknown> | unknown)[] = [];
async function cleanUp() {
  for (const step of cleanUps.splice(0).reverse()) await Promise.resolve(step()).catch(() => {});
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void cleanUp().finally(() => process.exit(130)));
}

let failed = false;
try {
  say(`${os.cpus().length} cores, load average (1/5/15 min) ${load()} at the start`);
  if (os.loadavg()[0]! > 2.5) say("Note: the machine is busy (1-minute load above 2.5); Lighthouse's simulated timings include the CPU it gets.");

  const database: ThrowAwayDatabase = await startThrowAwayDatabase({ prefix: "trellis-bench-web-", name: "trellis_bench_web" });
  cleanUps.push(() => database.stop());
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    APP_URL: "",
    SMTP_URL: "",
    JOBS_SECRET: "",
    BACKGROUND_JOBS: "off",
    LOG_LEVEL: "warn",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  say("Seeding the demo practice…");
  await run(process.execPath, [TSX_BIN, "scripts/db-seed.ts"], { env: withServerConditions(env) });

  await ensureBuild(env);
  const baseUrl = await startServer(env);
  const staticUrl = await startStaticServer();

  const client = DEMO_CLIENTS.find((person) => person.email === "jordan@demo.trellis.test")!;
  const clientCookie = await signIn(baseUrl, client.email);
  const therapistCookie = await signIn(baseUrl, DEMO_THERAPIST.email);
  const entryForm = await firstHref(baseUrl, "/portal", clientCookie, /href="(\/portal\/homework\/[^"]+)"/);
  const targets: Target[] = [
    { name: "static HTML (no JS)", url: staticUrl },
    { name: "not found (signed out)", url: `${baseUrl}/no-such-page`, notFound: true },
    { name: "sign-in", url: `${baseUrl}/sign-in` },
    { name: "portal home", url: `${baseUrl}/portal`, cookie: clientCookie },
    { name: "entry form", url: `${baseUrl}${entryForm}`, cookie: clientCookie },
    { name: "My progress", url: `${baseUrl}/portal/progress`, cookie: clientCookie },
    { name: "dashboard", url: `${baseUrl}/dashboard`, cookie: therapistCookie },
  ];
  for (const target of targets) say(`  ${target.name}: ${target.url.replace(baseUrl, "")}`);
  // One request each first: the server's caches and the database's pages are warm for every run alike.
  for (const target of targets) await (await fetch(target.url, { headers: target.cookie ? { cookie: target.cookie } : {} })).arrayBuffer();

  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS });
  cleanUps.push(() => chrome.kill());
  const samples = new Map<string, Sample[]>(targets.map((target) => [target.name, []]));
  const loadBefore = load();
  for (let round = 1; round <= RUNS; round++) {
    for (const target of targets) {
      const sample = await measure(target, chrome.port);
      samples.get(target.name)!.push(sample);
      say(`run ${round}/${RUNS} ${target.name}: ${sample.score} (load ${os.loadavg()[0]!.toFixed(2)})`);
    }
  }
  const loadAfter = load();

  say();
  say(`Results, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, Lighthouse 12 mobile preset, median of ${RUNS}; load average (1/5/15 min) ${loadBefore} before, ${loadAfter} after:`);
  const header = ["page", "perf", "LCP ms", "TBT ms", "FCP ms", "JS KiB sent", "JS KiB raw", "JS files", "goals"];
  const rows = targets.map((target) => {
    const list = samples.get(target.name)!;
    const m = (key: Exclude<keyof Sample, "scripts" | "explanation">) => median(list.map((sample) => sample[key]));
    const appPage = target.url.startsWith(baseUrl) && target.name !== "not found (signed out)";
    const met = m("score") >= GOAL_SCORE && m("jsTransfer") / 1024 <= GOAL_JS_KIB;
    return [
      target.name,
      String(m("score")),
      m("lcp").toFixed(0),
      m("tbt").toFixed(0),
      m("fcp").toFixed(0),
      (m("jsTransfer") / 1024).toFixed(1),
      (m("jsResource") / 1024).toFixed(1),
      String(m("jsRequests")),
      appPage ? (met ? "met" : "MISSED") : "(comparison)",
    ];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  for (const row of [header, ...rows]) console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  "));
  if (LIST_JS) {
    for (const target of targets) {
      say();
      say(`${target.name}: script files (last run), KiB over the wire`);
      for (const script of samples.get(target.name)!.at(-1)!.scripts) console.log(`  ${(script.transfer / 1024).toFixed(1).padStart(6)}  ${script.url.replace(baseUrl, "")}`);
    }
  }
  if (EXPLAIN) {
    for (const target of targets) {
      say();
      say(`${target.name}: what held it back (last run)`);
      for (const line of samples.get(target.name)!.at(-1)!.explanation) console.log(`  ${line}`);
    }
  }
  console.log(`\nGoals: performance ≥ ${GOAL_SCORE} and ≤ ${GOAL_JS_KIB} KiB of compressed JavaScript on every app page. ${os.loadavg()[0]! > 2.5 ? "The machine was busy: compare with the static page's figures." : ""}`);
} catch (error) {
  failed = true;
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
} finally {
  await cleanUp();
}
process.exit(failed ? 1 : 0);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function measure(target: Target, port: number): Promise<Sample> {
  const result = await lighthouse(target.url, {
    port,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance"],
    // The session cookie of a Playwright sign-in; Lighthouse resets storage, not these headers.
    extraHeaders: target.cookie ? { Cookie: target.cookie } : undefined,
    // The not-found page answers 404, which Lighthouse otherwise refuses to measure.
    ignoreStatusCode: target.notFound === true,
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${target.url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${target.url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const finalUrl = lhr.finalDisplayedUrl ?? lhr.finalUrl ?? "";
  if (new URL(finalUrl).pathname !== new URL(target.url).pathname) throw new Error(`${target.url} ended at ${finalUrl} (signed out?)`);
  const requests = ((lhr.audits["network-requests"]?.details as { items?: { url?: string; resourceType?: string; transferSize?: number; resourceSize?: number }[] })?.items ?? []).filter(
    (item) => item.resourceType === "Script",
  );
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  return {
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    lcp: numeric("largest-contentful-paint"),
    tbt: numeric("total-blocking-time"),
    fcp: numeric("first-contentful-paint"),
    jsTransfer: requests.reduce((sum, item) => sum + (item.transferSize ?? 0), 0),
    jsResource: requests.reduce((sum, item) => sum + (item.resourceSize ?? 0), 0),
    jsRequests: requests.length,
    scripts: requests.map((item) => ({ url: item.url ?? "", transfer: item.transferSize ?? 0 })),
    explanation: explain(lhr.audits),
  };
}

type Details = { type?: string; items?: Record<string, unknown>[]; headings?: unknown[] };

/** The main thread's work by kind and the longest tasks (Lighthouse's LCP-element audit needs a gatherer that does not run headless here). */
function explain(audits: Record<string, { details?: unknown; numericValue?: number } | undefined>): string[] {
  const lines: string[] = [];
  const work = (audits["mainthread-work-breakdown"]?.details as Details | undefined)?.items ?? [];
  lines.push(`main thread: ${work.map((item) => `${String(item["groupLabel"] ?? item["group"])} ${Number(item["duration"]).toFixed(0)}`).join(", ")} ms`);
  const tasks = ((audits["long-tasks"]?.details as Details | undefined)?.items ?? []).slice(0, 5);
  for (const task of tasks) lines.push(`long task ${Number(task["duration"]).toFixed(0)} ms at ${Number(task["startTime"]).toFixed(0)} ms: ${String(task["url"] ?? "").replace(/^https?:\/\/[^/]+/, "")}`);
  return lines;
}

async function signIn(baseUrl: string, email: string): Promise<string> {
  const context = await playwrightRequest.newContext({ baseURL: baseUrl });
  try {
    const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await context.post("/api/auth/callback/credentials", {
      form: { email, password: DEMO_PASSWORD, csrfToken, callbackUrl: "/" },
      maxRedirects: 0,
    });
    const location = response.headers()["location"] ?? "";
    if (response.status() !== 302 || /[?&]error=/.test(location)) throw new Error(`Signing in as ${email} failed (${response.status()} ${location})`);
    const { cookies } = await context.storageState();
    if (!cookies.some((cookie) => cookie.name === "authjs.session-token")) throw new Error(`No session cookie after signing in as ${email}`);
    return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
  } finally {
    await context.dispose();
  }
}

async function firstHref(baseUrl: string, path: string, cookie: string, pattern: RegExp): Promise<string> {
  const html = await (await fetch(`${baseUrl}${path}`, { headers: { cookie } })).text();
  const found = pattern.exec(html)?.[1];
  if (!found) throw new Error(`No link matching ${pattern} on ${path}`);
  return found.replaceAll("&amp;", "&");
}

async function ensureBuild(env: NodeJS.ProcessEnv) {
  const hash = sourceHash();
  if (buildIsCurrent(DIST_DIR, hash)) {
    say(`The build in ${DIST_DIR} is current; not rebuilt.`);
    return;
  }
  say(`Building the app into ${DIST_DIR}…`);
  // next build rewrites tsconfig.json and next-env.d.ts for its dist folder; put both back.
  const kept = ["tsconfig.json", "next-env.d.ts"].filter((file) => existsSync(file)).map((file) => [file, readFileSync(file, "utf8")] as const);
  try {
    await run(process.execPath, [NEXT_BIN, "build"], { env: { ...env, NEXT_DIST_DIR: DIST_DIR, NODE_ENV: "production" } });
  } finally {
    for (const [file, text] of kept) if (readFileSync(file, "utf8") !== text) writeFileSync(file, text);
  }
  markBuilt(DIST_DIR, hash);
}

async function startServer(env: NodeJS.ProcessEnv): Promise<string> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, trellisServerArgs("start", { port, hostname: "127.0.0.1" }), {
    env: { ...env, NEXT_DIST_DIR: DIST_DIR, NODE_ENV: "production", PORT: String(port), APP_URL: baseUrl },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  cleanUps.push(async () => {
    process.off("exit", killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}`);
    const healthy = await fetch(`${baseUrl}/api/health`).then((response) => response.ok, () => false);
    if (healthy) return baseUrl;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("The server did not answer /api/health within 2 minutes");
}

/** The floor: a page with text and no JavaScript, served as plainly as can be. */
async function startStaticServer(): Promise<string> {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Static</title></head><body style="font-family:system-ui;margin:1rem"><h1>A plain page</h1><p>${"Text for a largest contentful paint. ".repeat(20)}</p></body></html>`;
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanUps.push(() => new Promise((resolve) => server.close(resolve)));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}
