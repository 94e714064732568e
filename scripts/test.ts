// npm test: type check, lint, Vitest against a real PostgreSQL, then
// Playwright in Chromium against a production build. One throw-away
// database serves the whole run. `--only unit|e2e` runs one half.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { NEXT_BIN, run, withServerConditions } from "./lib/run";
import { freePort } from "./lib/free-port";
import { startTestDatabase } from "./lib/test-database";

const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;
// `npm run test:e2e -- e2e/caseload.spec.ts`: with --only e2e, the other arguments go to Playwright.
const playwrightArgs = only === "e2e" ? process.argv.slice(2).filter((arg, index, all) => arg !== "--only" && all[index - 1] !== "--only") : [];
const step = (name: string) => console.log(`\n[test] ── ${name}`);
const node = (args: string[], env: NodeJS.ProcessEnv = process.env) => run(process.execPath, args, { env });

const counts = { passed: 0, failed: 0, skipped: 0 };
function addCounts(file: string, read: (report: any) => { passed: number; failed: number; skipped: number }) {
  if (!existsSync(file)) return;
  const found = read(JSON.parse(readFileSync(file, "utf8")));
  counts.passed += found.passed;
  counts.failed += found.failed;
  counts.skipped += found.skipped;
}

const started = Date.now();
let failure: unknown;

if (!only) {
  step("Type check");
  await node([NEXT_BIN, "typegen"]);
  await node(["node_modules/typescript/bin/tsc", "--noEmit", "-p", "."]);
  step("Lint");
  await node(["node_modules/eslint/bin/eslint.js", ".", "--max-warnings=0"]);
}

step("Starting a throw-away PostgreSQL");
const database = await startTestDatabase();
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: database.url,
  TRELLIS_TEST_DATABASE: "1",
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  APP_URL: "",
  SMTP_URL: "",
  NEXT_TELEMETRY_DISABLED: "1",
};

try {
  if (only !== "e2e") {
    step("Unit and integration tests (Vitest)");
    rmSync("test-results/vitest.json", { force: true });
    try {
      await node(["node_modules/vitest/vitest.mjs", "run", "--reporter=default", "--reporter=json", "--outputFile=test-results/vitest.json"], env);
    } finally {
      addCounts("test-results/vitest.json", (report) => ({
        passed: report.numPassedTests,
        failed: report.numFailedTests,
        skipped: report.numPendingTests + (report.numTodoTests ?? 0),
      }));
    }
  }
  if (only !== "unit") {
    // E2E_DIST_DIR lets two checkouts' (or two people's) browser runs build side by side.
    const distDir = process.env.E2E_DIST_DIR || ".next-test";
    step(`Production build for the browser tests (${distDir})`);
    const buildEnv: NodeJS.ProcessEnv = { ...env, NEXT_DIST_DIR: distDir, NODE_ENV: "production" };
    await node([NEXT_BIN, "build"], buildEnv);
    step("End-to-end tests (Playwright, Chromium)");
    rmSync("test-results/e2e-report.json", { force: true });
    try {
      await node(
        ["node_modules/@playwright/test/cli.js", "test", ...playwrightArgs],
        withServerConditions({ ...buildEnv, E2E_PORT: String(await freePort()) }),
      );
    } finally {
      addCounts("test-results/e2e-report.json", (report) => ({
        passed: report.stats.expected,
        failed: report.stats.unexpected + report.stats.flaky,
        skipped: report.stats.skipped,
      }));
    }
  }
} catch (error) {
  failure = error;
} finally {
  await database.stop();
}

const minutes = ((Date.now() - started) / 60000).toFixed(1);
console.log(`\n[test] finished in ${minutes} min`);
console.log(`tests: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ""}`);
if (failure) {
  console.error(failure instanceof Error ? failure.message : failure);
  process.exit(1);
}
if (counts.passed === 0) {
  console.error("No tests ran.");
  process.exit(1);
}
