import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { trellisServerArgs } from "./scripts/server/command";
import { e2eSmtpPort } from "./tests/support/e2e-smtp-sink";

// scripts/test.ts starts the database and passes these; see README "Tests".
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const systemChromium = "/usr/bin/chromium";
// Production (the e2e build) requires the public address for links in
// e-mails; the tests' own processes read the same configuration.
process.env.APP_URL ||= baseURL;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // A real SMTP server the app sends to; specs read what arrived (tests/support/e2e-smtp-sink.ts).
  globalSetup: "./tests/support/e2e-smtp-sink.ts",
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-report.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: existsSync(systemChromium) ? systemChromium : undefined,
      // This machine has no network beyond loopback; keep Chromium from trying.
      args: [
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  // Trellis's own server (scripts/server/trellis-server.ts), as `npm start` runs it.
  webServer: {
    command: `node ${trellisServerArgs("start", { port, hostname: "127.0.0.1" }).join(" ")}`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-test",
      NEXT_TELEMETRY_DISABLED: "1",
      APP_URL: process.env.APP_URL,
      // One JSON line per request would bury the test output; warnings and errors still show.
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
      SMTP_URL: `smtp://127.0.0.1:${e2eSmtpPort(port)}`,
      // Mail goes out after each response; no timers (reminders) firing in the middle of tests.
      BACKGROUND_JOBS: "off",
    },
  },
});
