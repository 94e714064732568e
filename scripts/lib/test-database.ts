// A throw-away PostgreSQL: its own cluster in a temporary folder on a free
// port, migrated, removed again on stop (or when the process exits first).
// Tests use one per run, so they never touch the demo data and can run while
// `npm start` is serving; the bench uses one with pg_stat_statements loaded.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { freePort } from "./free-port";
import { prepareDatabase } from "./prepare-database";

export type ThrowAwayDatabase = { url: string; stop(): Promise<void> };

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
    const url = await cluster.ensureDatabase(options.name);
    await prepareDatabase(url);
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export function startTestDatabase(): Promise<ThrowAwayDatabase> {
  return startThrowAwayDatabase({ prefix: "trellis-test-", name: `trellis_test_${Date.now()}` });
}
