// The demo practice, seeded at most once per test database even when several
// spec files ask for it at the same time (a session-level PostgreSQL advisory
// lock on a connection of its own, so no transaction sits idle while seeding).
// Seeding runs `npm run db:seed`'s script in its own process: the app's
// functions it goes through import modules (next/headers) that Playwright's
// loader cannot resolve.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { Client } from "pg";
import { DEMO_THERAPIST } from "@/scripts/seed/demo-accounts";

const run = promisify(execFile);

export async function ensureDemoPractice() {
  const connection = new Client({ connectionString: process.env.DATABASE_URL });
  await connection.connect();
  try {
    await connection.query("select pg_advisory_lock(hashtext('e2e:demo-practice'))");
    const { rows } = await connection.query<{ count: string }>('select count(*) from "User" where email = $1', [DEMO_THERAPIST.email]);
    if (Number(rows[0]?.count) > 0) return;
    await run(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/db-seed.ts"], {
      cwd: process.cwd(),
      env: process.env,
      timeout: 170_000,
    });
  } finally {
    await connection.end();
  }
}
