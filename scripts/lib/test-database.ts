// A throw-away PostgreSQL for one test run: its own cluster in a temporary
// folder and port, so tests never touch the demo data and can run while
// `npm start` is serving.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { freePort } from "./free-port";
import { prepareDatabase } from "./prepare-database";

export async function startTestDatabase() {
  const root = mkdtempSync(path.join(os.tmpdir(), "trellis-test-"));
  // The server runs as the unprivileged `postgres` user when we are root.
  chmodSync(root, 0o755);
  const cluster = await startEmbeddedPostgres({ dataDir: path.join(root, "pg"), port: await freePort(), fast: true });
  const url = await cluster.ensureDatabase(`trellis_test_${Date.now()}`);
  await prepareDatabase(url);
  return {
    url,
    async stop() {
      await cluster.stop().catch(() => {});
      rmSync(root, { recursive: true, force: true });
    },
  };
}
