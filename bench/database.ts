// The bench's own throw-away PostgreSQL: a cluster in a temporary folder on
// a free port (as scripts/lib/test-database.ts), with pg_stat_statements
// loaded so the run can name the statements the measured pages spend their
// time in.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedCluster } from "../scripts/lib/embedded-postgres";
import { freePort } from "../scripts/lib/free-port";
import { prepareDatabase } from "../scripts/lib/prepare-database";

export type BenchDatabase = { url: string; stop(): Promise<void> };

export async function startBenchDatabase(): Promise<BenchDatabase> {
  const root = mkdtempSync(path.join(os.tmpdir(), "trellis-bench-"));
  // The server runs as the unprivileged `postgres` user when we are root.
  chmodSync(root, 0o755);
  const dataDir = path.join(root, "pg");
  const port = await freePort();
  let cluster: EmbeddedCluster | undefined;
  const removeFolder = () => rmSync(root, { recursive: true, force: true });
  // If Ctrl-C ends the process before stop() finishes, still leave no folder behind.
  process.once("exit", removeFolder);
  const stop = async () => {
    await cluster?.stop().catch(() => {});
    cluster = undefined;
    removeFolder();
  };
  try {
    cluster = await startEmbeddedPostgres({ dataDir, port, fast: true });
    // shared_preload_libraries only takes effect at server start: set it, restart.
    await withClient(cluster.urlFor("postgres"), (client) =>
      client.query("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'"),
    );
    await cluster.stop();
    cluster = await startEmbeddedPostgres({ dataDir, port, fast: true });
    const url = await cluster.ensureDatabase("trellis_bench");
    await prepareDatabase(url);
    await withClient(url, (client) => client.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements"));
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
