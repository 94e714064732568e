// A throw-away PostgreSQL: its own cluster in a temporary folder on a free
// port, migrated, removed again on stop (or when the process exits first).
// Tests use one per run, so they never touch the demo data and can run while
// `npm start` is serving; the bench uses one with pg_stat_statements loaded.
// `url` is the restricted app role, as in production, so the suite proves
// what that role can and cannot do; the owner and the superuser are there for
// helpers that need them.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { freePort } from "./free-port";
import { prepareDatabase } from "./prepare-database";

export type ThrowAwayDatabase = {
  /** The app's restricted role. */
  url: string;
  /** The role that owns the tables. */
  ownerUrl: string;
  /** The cluster's superuser. */
  superuserUrl: string;
  /** The cluster's mode-600 password file. */
  credentialsFile: string;
  stop(): Promise<void>;
};

export async function startThrowAwayDatabase(options: { prefix: string; name: string; flags?: string[] }): Promise<ThrowAwayDatabase> {
  const root = mkdtempSync(path.join(os.tmpdir(), options.prefix));
  // The server runs as the unprivileged `postgres` user when we are root.
  chmodSync(root, 0o755);
  const removeFolder = () => rmSync(root, { recursive: true, force: true });
  // If Ctrl-C ends the process before stop() finishes, still leave no folder behind.
  process.once("exit", removeFolder);
  const cluster = await startEmbeddedPostgres({ dataDir: path.join(root, "pg"), port: await freePort(), fast: true, flags: options.flags });
  const stop = async () => {
    await cluster.stop().catch(() => {});
    removeFolder();
  };
  try {
    const urls = await cluster.ensureDatabase(options.name);
    await prepareDatabase({ migrationUrl: urls.owner, appUrl: urls.app });
    return { url: urls.app, ownerUrl: urls.owner, superuserUrl: urls.superuser, credentialsFile: cluster.credentialsFile, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * The database of a test run. DATABASE_URL (set by the caller) is the app
 * role; the other roles' URLs go into the environment under test-only names,
 * which the caller's child processes (Vitest, Playwright) inherit.
 */
export async function startTestDatabase(): Promise<ThrowAwayDatabase> {
  const database = await startThrowAwayDatabase({ prefix: "trellis-test-", name: `trellis_test_${Date.now()}` });
  process.env.TRELLIS_TEST_OWNER_URL = database.ownerUrl;
  process.env.TRELLIS_TEST_SUPERUSER_URL = database.superuserUrl;
  process.env.TRELLIS_TEST_CREDENTIALS_FILE = database.credentialsFile;
  return database;
}
