// Seeds the bench practices into DATABASE_URL (a throw-away database made by
// scripts/bench.ts). Runs with the react-server condition, like db:seed, so
// the therapists are created by the app's own createTherapistAccount.
import pg from "pg";
import { createTherapistAccount } from "@/lib/accounts/create-therapist-account";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { buildAnswersSchema, extractMeasurements, type FieldDefinition } from "@/lib/exercises";
import { BENCH_PASSWORD, PRACTICES, type PracticePlan } from "../bench/practices";
import { loadBenchTemplates, seedPracticeHistory } from "../bench/seed-practice";

const say = (line: string) => console.log(`[bench] ${line}`);
const sql = new pg.Client({ connectionString: process.env.DATABASE_URL });

try {
  await sql.connect();
  await loadBenchTemplates(sql);
  const clientPasswordHash = await hashPassword(BENCH_PASSWORD);
  for (const plan of [PRACTICES.large, PRACTICES.small, PRACTICES.group]) {
    const therapist = await createTherapistAccount({ ...plan.therapist, password: BENCH_PASSWORD });
    await seedPracticeHistory(sql, { plan, practiceId: therapist.practiceId, therapistId: therapist.id, clientPasswordHash }, say);
    if (plan.clinicians) await spreadOverClinicians(sql, plan, therapist.practiceId, therapist.id);
  }
  const started = performance.now();
  await sql.query("ANALYZE");
  say(`  ANALYZE (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  await checkSample(sql);
} finally {
  await sql.end();
  await db.$disconnect();
}

/**
 * The SQL in bench/seed-practice.ts imitates the app, so check it against
 * the app: up to 80 random entries of each exercise must pass the
 * exercise's own answer validation and carry exactly the measurements
 * lib/exercises would derive from their answers.
 */
async function checkSample(client: pg.Client) {
  const { rows } = await client.query<{ id: string; slug: string; fields: FieldDefinition[]; answers: Record<string, unknown>; measured: Record<string, number> | null }>(`
    WITH sample AS (
      SELECT id, answers, "templateVersionId" FROM (
        SELECT s.id, s.answers, s."templateVersionId", row_number() OVER (PARTITION BY s."templateVersionId" ORDER BY random()) AS pick
        FROM "Submission" s WHERE s.status = 'SUBMITTED'
      ) AS ranked WHERE pick <= 80
    ), measured AS (
      SELECT m."submissionId", jsonb_object_agg(m.metric, m.value) AS measured
      FROM "Measurement" m WHERE m."submissionId" IN (SELECT id FROM sample) GROUP BY m."submissionId"
    )
    SELECT s.id, t.slug, v.fields, s.answers, measured.measured
    FROM sample s
    JOIN "TemplateVersion" v ON v.id = s."templateVersionId"
    JOIN "ExerciseTemplate" t ON t.id = v."templateId"
    LEFT JOIN measured ON measured."submissionId" = s.id`);
  const problems: string[] = [];
  for (const row of rows) {
    const parsed = buildAnswersSchema(row.fields, { mode: "submit" }).safeParse(row.answers);
    if (!parsed.success) problems.push(`${row.slug} ${row.id}: answers rejected (${parsed.error.issues[0]?.message})`);
    const expected = Object.fromEntries(extractMeasurements(row.slug, row.fields, row.answers).map((m) => [m.metric, m.value]));
    const actual = row.measured ?? {};
    const same = Object.keys(expected).length === Object.keys(actual).length && Object.entries(expected).every(([metric, value]) => actual[metric] === value);
    if (!same) problems.push(`${row.slug} ${row.id}: measurements ${JSON.stringify(actual)} ≠ app's ${JSON.stringify(expected)}`);
  }
  if (problems.length) throw new Error(`Seeded rows differ from what the app writes:\n  ${problems.slice(0, 10).join("\n  ")}`);
  const slugs = [...new Set(rows.map((row) => row.slug))].sort().join(", ");
  say(`  checked ${rows.length} random entries (${slugs}) against the app's validation and measurement code`);
}

/**
 * A group practice is seeded as one caseload, then handed over as the app
 * would: clinicians 2…N join (password BENCH_PASSWORD), and every client with
 * their assignments moves to one of the N clinicians (the owner keeps 1/N).
 */
async function spreadOverClinicians(client: pg.Client, plan: PracticePlan, practiceId: string, ownerId: string) {
  const count = plan.clinicians!;
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const started = performance.now();
  await client.query(
    `INSERT INTO "User" (id, email, "passwordHash", role, "practiceRole", name, "timeZone", "practiceId", "createdAt", "updatedAt")
     SELECT 'bt' || substr(md5($1 || ':clinician:' || i), 1, 23), format('clinician-%s@bench.trellis.test', i), $2,
            'THERAPIST'::"Role", 'CLINICIAN'::"PracticeRole", format('Dr. Clinician %s', i), 'Europe/London', $1, now(), now()
     FROM generate_series(2, $3::int) AS i`,
    [practiceId, passwordHash, count],
  );
  const moved = await client.query(
    `WITH numbered AS (
       SELECT c.id, (row_number() OVER (ORDER BY c.id))::int % $3::int + 1 AS i FROM "Client" c WHERE c."practiceId" = $1
     )
     UPDATE "Client" c SET "therapistId" = CASE WHEN n.i = 1 THEN $2 ELSE 'bt' || substr(md5($1 || ':clinician:' || n.i), 1, 23) END
     FROM numbered n WHERE n.id = c.id`,
    [practiceId, ownerId, count],
  );
  await client.query(
    `UPDATE "Assignment" a SET "therapistId" = c."therapistId" FROM "Client" c WHERE c.id = a."clientId" AND a."practiceId" = $1`,
    [practiceId],
  );
  say(`  group: ${moved.rowCount} clients spread over ${count} clinicians (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
