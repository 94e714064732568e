// Resolves the database a script should use: DATABASE_URL when set (a real
// deployment), otherwise the embedded PostgreSQL whose data lives in .data/.
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedCluster } from "./embedded-postgres";

export const DATA_DIR = path.resolve(".data");
export const DEFAULT_EMBEDDED_PORT = 54329;

export type Database = {
  /** What the app connects as: the restricted role (DATABASE_URL when configured). */
  url: string;
  /** The role that owns the tables and runs migrations (MIGRATION_DATABASE_URL, else DATABASE_URL). */
  migrationUrl: string;
  embedded: boolean;
  /** The embedded cluster, for a supervisor to watch (absent with DATABASE_URL). */
  cluster?: EmbeddedCluster;
  close(): Promise<void>;
};

export async function openDatabase(output: { log?: (line: string) => void; notice?: (line: string) => void } = {}): Promise<Database> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    return { url: configured, migrationUrl: process.env.MIGRATION_DATABASE_URL || configured, embedded: false, close: async () => {} };
  }

  const port = Number(process.env.EMBEDDED_PG_PORT ?? DEFAULT_EMBEDDED_PORT);
  const cluster = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, "pg"), port, ...output });
  try {
    const urls = await cluster.ensureDatabase("trellis");
    return { url: urls.app, migrationUrl: urls.owner, embedded: true, cluster, close: () => cluster.stop() };
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}
