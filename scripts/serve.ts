// `npm start` and `npm run dev`: one command from a fresh clone to a running
// Trellis. Uses DATABASE_URL when set; otherwise starts an embedded
// PostgreSQL with its data in .data/ and seeds the demo practice once.
// It supervises what it starts: the web server and PostgreSQL never outlive
// it (scripts/lib/supervise.ts), leftovers of a killed run are cleared on the
// next start, PostgreSQL dying is noticed, and Ctrl-C stops everything within
// a few seconds (web server first, then PostgreSQL).
import type { ChildProcess } from "node:child_process";
import pg from "pg";
import { DATA_DIR, openDatabase, type Database } from "./lib/database";
import { buildIsCurrent, markBuilt, sourceHash } from "./lib/build-stamp";
import { StartupError } from "./lib/embedded-postgres";
import { loadDotEnv } from "./lib/load-dotenv";
import { NEXT_BIN, run, TSX_BIN, withServerConditions } from "./lib/run";
import { embeddedBackups, prepareDatabase } from "./lib/prepare-database";
import { localAuthSecret } from "./lib/secret";
import { clearWebPort, keepPostgresRunning, PortInUse, spawnSupervised, stopSupervised } from "./lib/supervise";
import { EnvError, parseEnv } from "../lib/env";
import { DEMO_PASSWORD, DEMO_SIGN_INS, DEMO_THERAPIST } from "./seed/demo-accounts";
import { trellisServerArgs } from "./server/command";

const mode = process.argv[2] === "dev" ? "dev" : "start";
const say = (line: string) => console.log(`[trellis] ${line}`);

loadDotEnv();
const port = process.env.PORT ?? "3000";

// What has been started so far; a signal at any point stops exactly that.
const running: { server?: ChildProcess; db?: Database } = {};
let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  // Whatever happens below, this process ends in time (the orphan guard then stops what is left).
  setTimeout(() => process.exit(code), 6_000).unref();
  const started = Date.now();
  const { server, db } = running;
  if (server) await stopSupervised(server);
  if (db) {
    if (db.cluster?.owned) say("Stopping PostgreSQL…");
    await db.close().catch((error: unknown) => console.error(error instanceof Error ? error.message : error));
  }
  if (server || db?.cluster?.owned) say(`Stopped in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown(0));

/** A problem the person can fix gets one line; anything else its full story. */
async function fail(error: unknown): Promise<never> {
  if (error instanceof StartupError || error instanceof PortInUse) console.error(`[trellis] ${error.message}`);
  else console.error(error);
  await shutdown(1);
  // Already stopping for another reason: that shutdown ends the process.
  return new Promise<never>(() => {});
}

if (process.env.DATABASE_URL && !process.env.AUTH_SECRET) {
  console.error("Configuration error: AUTH_SECRET is required when DATABASE_URL is set (generate one with: openssl rand -base64 32).");
  process.exit(1);
}

// Before anything starts: a second `npm start`, or another program on the port, is told so at once.
await clearWebPort(Number(port), process.cwd(), say).catch(fail);

say(process.env.DATABASE_URL ? "Using the database at DATABASE_URL." : "Starting the embedded PostgreSQL (data in .data/pg)…");
const db = await openDatabase({ notice: say }).catch(fail);
running.db = db;
if (db.cluster) {
  keepPostgresRunning(db.cluster, {
    say,
    giveUp: (message) => {
      console.error(`[trellis] ${message}`);
      void shutdown(1);
    },
  });
}
const env: NodeJS.ProcessEnv = {
  ...process.env,
  // The restricted role; the owner's URL stays in this process (migrations).
  DATABASE_URL: db.url,
  MIGRATION_DATABASE_URL: undefined,
  AUTH_SECRET: process.env.AUTH_SECRET ?? localAuthSecret(DATA_DIR),
  NODE_ENV: mode === "dev" ? "development" : "production",
  NEXT_TELEMETRY_DISABLED: "1",
  // The embedded demo has no SMTP: print unsent mail to this terminal (lib/mail/send-mail.ts).
  ...(db.embedded && !process.env.SMTP_URL ? { TRELLIS_PRINT_UNSENT_MAIL: "1" } : {}),
  // Links in e-mails need the public address. On the embedded demo it is this
  // machine; with a real DATABASE_URL (a deployment) APP_URL must be set.
  APP_URL: process.env.APP_URL || (db.embedded ? `http://localhost:${port}` : undefined),
};

try {
  parseEnv(env);
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message);
    await shutdown(1);
  }
  throw error;
}

try {
  const { applied, library, warnings } = await prepareDatabase(
    { migrationUrl: db.migrationUrl, appUrl: db.url },
    // A database that holds data is backed up before new migrations touch it (README, "When a migration fails").
    { backupBeforeMigrating: db.embedded ? embeddedBackups(say) : undefined },
  );
  say(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date.");
  for (const warning of warnings) say(`Warning: ${warning}`);
  if (library.created || library.updated) say(`Exercise library: ${library.created} added, ${library.updated} updated.`);

  if (db.embedded) {
    // The seed loads the app's server modules in a child process: only worth it on the first start.
    if (await demoTherapistExists(db.url)) say("Demo data is already in place.");
    else await run(process.execPath, [TSX_BIN, "scripts/db-seed.ts", "--if-empty"], { env: withServerConditions(env) });
  }

  if (mode === "start") {
    const hash = sourceHash();
    const distDir = env.NEXT_DIST_DIR || ".next";
    if (buildIsCurrent(distDir, hash)) {
      say("The production build is current.");
    } else {
      say("Building the app (first run, or the sources changed)…");
      await run(process.execPath, [NEXT_BIN, "build"], { env });
      markBuilt(distDir, hash);
    }
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}

if (stopping) await new Promise<never>(() => {});
const server = spawnSupervised(process.execPath, trellisServerArgs(mode, { port }), { env, stdout: "pipe" });
running.server = server;
let announced = false;
server.stdout?.on("data", (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (!announced && /Ready|started server|Local:/i.test(chunk.toString())) {
    announced = true;
    const url = `http://localhost:${port}`;
    console.log("");
    say(`Trellis is running at ${url}  (Ctrl-C stops it)`);
    if (db.embedded) {
      say(`Sign in at ${url}/sign-in with a demo account (password for all: ${DEMO_PASSWORD}):`);
      for (const account of DEMO_SIGN_INS) say(`  ${account.role.padEnd(10)} ${account.email}  (${account.name})`);
    }
    console.log("");
  }
});
server.on("exit", (code, signal) => {
  if (stopping) return;
  console.error(`[trellis] The web server stopped (${signal ?? `exit code ${code}`}); stopping Trellis.`);
  void shutdown(code || 1);
});

async function demoTherapistExists(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rowCount } = await client.query(`SELECT 1 FROM "User" WHERE "email" = $1`, [DEMO_THERAPIST.email]);
    return (rowCount ?? 0) > 0;
  } finally {
    await client.end();
  }
}
