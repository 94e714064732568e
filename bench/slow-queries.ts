// Where the measured requests spent their database time, from
// pg_stat_statements (reset after the warm-up, so it covers the measured
// requests only). Statement text is normalised: parameters show as $1, $2…
import type pg from "pg";

export async function resetStatementStats(client: pg.Client) {
  await client.query("SELECT pg_stat_statements_reset()");
}

export async function topStatements(client: pg.Client, limit = 8): Promise<string[]> {
  const { rows } = await client.query<{ calls: string; total: number; mean: number; max: number; rows: string; query: string }>(`
    SELECT calls, total_exec_time AS total, mean_exec_time AS mean, max_exec_time AS max, rows, query
    FROM pg_stat_statements
    WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
      AND query NOT ILIKE '%pg_stat_statements%'
    ORDER BY total_exec_time DESC
    LIMIT $1`, [limit]);
  const lines = ["   calls   total ms   mean ms    max ms      rows  statement"];
  for (const row of rows) {
    const text = row.query.replace(/\s+/g, " ").trim();
    lines.push(
      `${row.calls.padStart(8)} ${row.total.toFixed(0).padStart(10)} ${row.mean.toFixed(2).padStart(9)} ${row.max.toFixed(1).padStart(9)} ${row.rows.padStart(9)}  ${text.length > 260 ? `${text.slice(0, 260)}…` : text}`,
    );
  }
  return lines;
}
