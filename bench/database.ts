// The bench's own throw-away PostgreSQL (scripts/lib/test-database.ts) with
// pg_stat_statements loaded, so the run can name the statements the
// measured pages spend their time in.
import { withClient } from "../scripts/lib/embedded-postgres";
import { startThrowAwayDatabase, type ThrowAwayDatabase } from "../scripts/lib/test-database";

export { withClient };
export type BenchDatabase = ThrowAwayDatabase;

export async function startBenchDatabase(): Promise<BenchDatabase> {
  const database = await startThrowAwayDatabase({
    prefix: "trellis-bench-",
    name: "trellis_bench",
    flags: ["-c", "shared_preload_libraries=pg_stat_statements"],
  });
  try {
    await withClient(database.url, (client) => client.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements"));
    return database;
  } catch (error) {
    await database.stop();
    throw error;
  }
}
