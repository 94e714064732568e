// Resolves the database a script should use: DATABASE_URL when set (a real
// deployment), otherwise the embedded PostgreSQL whose data lives in .data/.
import path from "node:path";
import { startEmbeddedPostgres } from "./embedded-postgres";

export const DATA_DIR = path.resolve(".data");
export const DEFAULT_EMBEDDED_PORT = 54329;

export type Database = { url: string; embedded: boolean; close(): Promise<void> };

export async function openDatabase(log: (line: string) => void = () => {}): Promise<Database> {
  const configured = process.env.DATABASE_URL;
  if (configured) return { url: configured, embedded: false, close: async () => {} };

  const port = Number(process.env.EMBEDDED_PG_PORT ?? DEFAULT_EMBEDDED_PORT);
  const cluster = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, "pg"), port, log });
  const url = await cluster.ensureDatabase("trellis");
  return { url, embedded: true, close: () => cluster.stop() };
}
