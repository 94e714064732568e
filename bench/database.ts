// The bench's own throw-away PostgreSQL (scripts/lib/test-database.ts) with
// pg_stat_statements loaded, so the run can name the statements the
// measured pages spend their time in. The app and the bench's own queries use
// the restricted app role, as in production.
import { APP_ROLE } from "../scripts/lib/database-roles";
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
    await withClient(database.superuserUrl, async (client) => {
      await client.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      // Only in this throw-away cluster: the bench's seeder and statistics
      // queries connect as the app role; let them ANALYZE what they seeded
      // (pg_maintain), read every statement and reset the counts.
      await client.query(`GRANT pg_maintain, pg_read_all_stats TO ${APP_ROLE}`);
      await client.query(`GRANT EXECUTE ON FUNCTION pg_stat_statements_reset(oid, oid, bigint, boolean) TO ${APP_ROLE}`);
    });
    return database;
  } catch (error) {
    await database.stop();
    throw error;
  }
}
