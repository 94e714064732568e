// Bulk history for one bench practice, written with set-based SQL
// (INSERT … SELECT over generate_series), so two years of daily homework for
// 150 clients takes seconds rather than the hours the app's own functions
// would need row by row. The rows mirror what the app writes: entry keys,
// due dates in each client's own calendar, measurements named
// "<slug>.<field>", reviewed entries, safety flags. scripts/bench-seed.ts
// checks a sample against the app's own validation and measurement code.
import type pg from "pg";
import { CLIENT_TIME_ZONES, type PracticePlan } from "./practices";

export const BENCH_SLUGS = [
  "weekly-trust-check-in",
  "micro-promises",
  "trigger-log",
  "grounding-practice",
  "relationship-safety-check",
] as const;

type Args = { plan: PracticePlan; practiceId: string; therapistId: string; clientPasswordHash: string };

const FIRST_NAMES = ["Alex", "Bea", "Chris", "Dana", "Eli", "Farah", "Gabe", "Hana", "Ines", "Jon", "Kemi", "Luis", "Mina", "Noor", "Omar", "Pia", "Quinn", "Rosa", "Sami", "Tess", "Uma", "Vic", "Wen", "Yusuf"];
const LAST_NAMES = ["Abbott", "Becker", "Chen", "Diaz", "Evans", "Fischer", "Garcia", "Haddad", "Ito", "Jensen", "Khan", "Lopez", "Moreau", "Nakamura", "Okoye", "Patel", "Quist", "Rossi", "Silva", "Tanaka", "Ueda", "Varga", "Weber", "Young"];

/** Runs each step in order, reporting how long it took. */
export async function seedPracticeHistory(sql: pg.Client, args: Args, log: (line: string) => void) {
  const { plan, practiceId, therapistId } = args;
  const step = async (name: string, text: string, values: unknown[] = []) => {
    const started = performance.now();
    const result = await sql.query(text, values);
    log(`  ${plan.size}: ${name} (${result.rowCount ?? 0} rows, ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  };

  await step("client accounts", `
    INSERT INTO "User" (id, email, "passwordHash", role, name, "timeZone", "practiceId", "createdAt", "updatedAt")
    SELECT 'bu' || substr(md5($1 || ':user:' || i), 1, 23),
           format('client%s.%s@bench.trellis.test', i, $2::text),
           $3, 'CLIENT'::"Role",
           ($4::text[])[1 + (i * 7) % cardinality($4::text[])] || ' ' || ($5::text[])[1 + (i * 11) % cardinality($5::text[])],
           ($6::text[])[1 + (i - 1) % cardinality($6::text[])],
           $1, now() - make_interval(days => $7 + 3), now()
    FROM generate_series(1, $8::int) AS i`,
    [practiceId, plan.size, args.clientPasswordHash, FIRST_NAMES, LAST_NAMES, CLIENT_TIME_ZONES, plan.days, plan.clients]);

  await step("clients", `
    INSERT INTO "Client" (id, "practiceId", "therapistId", "displayName", email, "timeZone", status, "userId", "createdAt", "updatedAt")
    SELECT 'bc' || substr(md5(u.id), 1, 23), $1, $2, u.name, u.email, u."timeZone", 'ACTIVE'::"ClientStatus", u.id, u."createdAt", now()
    FROM "User" u WHERE u."practiceId" = $1 AND u.role = 'CLIENT'`,
    [practiceId, therapistId]);

  await step("accepted invitations", `
    INSERT INTO "Invitation" (id, "clientId", "createdById", "tokenHash", "expiresAt", "usedAt", "createdAt")
    SELECT 'bi' || substr(md5(c.id), 1, 23), c.id, $2, md5(c.id || ':token') || md5(c.id || ':token2'),
           c."createdAt" + interval '7 days', c."createdAt" + interval '1 day', c."createdAt"
    FROM "Client" c WHERE c."practiceId" = $1`,
    [practiceId, therapistId]);

  // One row per client with the story it tells: how engaged, whether it has
  // gone quiet lately, whether check-ins are sliding (for the dashboard's flags).
  await step("client plans", `
    CREATE TEMP TABLE bench_plan AS
    SELECT c.id AS client_id, c."timeZone" AS tz, n,
           (now() AT TIME ZONE c."timeZone")::date AS today,
           (now() AT TIME ZONE c."timeZone")::date - $2::int AS start_on,
           0.70 + random() * 0.25 AS engagement,
           CASE WHEN n % 12 = 5 THEN 9 + n % 10 ELSE 0 END AS silent_days,
           n % 10 = 3 AS declining,
           2 + random() * 2 AS trust_from,
           6 + random() * 3 AS trust_to
    FROM (SELECT c.*, (row_number() OVER (ORDER BY c.email))::int AS n FROM "Client" c WHERE c."practiceId" = $1) c`,
    [practiceId, plan.days]);

  const assignmentColumns = `id, "practiceId", "therapistId", "clientId", "templateId", "templateVersionId", note, "scheduleType",
    "startDate", "dueDate", "endDate", weekdays, "dayCount", status, "endedAt", "createdAt", "updatedAt"`;
  const startedAt = `((p.start_on + time '09:00') AT TIME ZONE p.tz) AT TIME ZONE 'UTC'`;
  await step("assignments", `
    INSERT INTO "Assignment" (${assignmentColumns})
    SELECT 'ba' || substr(md5(p.client_id || ':weekly'), 1, 23), $1, $2, p.client_id, t.template_id, t.version_id,
           'Sunday evening, before you talk about the week together.', 'WEEKLY'::"ScheduleType",
           p.start_on, NULL::date, NULL::date, ARRAY[0], NULL::int, 'ACTIVE'::"AssignmentStatus", NULL::timestamp, ${startedAt}, now()
    FROM bench_plan p JOIN bench_tpl t ON t.slug = 'weekly-trust-check-in'
    UNION ALL
    SELECT 'ba' || substr(md5(p.client_id || ':micro:' || k), 1, 23), $1, $2, p.client_id, t.template_id, t.version_id,
           'Keep each promise small enough that you can keep it even on a hard day.', 'DAILY_FOR_N_DAYS'::"ScheduleType",
           p.start_on + 30 * k, NULL::date, NULL::date, '{}'::int[], 30,
           CASE WHEN p.start_on + 30 * k + 29 >= p.today THEN 'ACTIVE' ELSE 'ENDED' END::"AssignmentStatus",
           CASE WHEN p.start_on + 30 * k + 29 < p.today THEN ((p.start_on + 30 * k + 30 + time '09:00') AT TIME ZONE p.tz) AT TIME ZONE 'UTC' END,
           ((p.start_on + 30 * k + time '09:00') AT TIME ZONE p.tz) AT TIME ZONE 'UTC', now()
    FROM bench_plan p JOIN bench_tpl t ON t.slug = 'micro-promises'
    CROSS JOIN LATERAL generate_series(0, (p.today - p.start_on) / 30) AS k
    UNION ALL
    SELECT 'ba' || substr(md5(p.client_id || ':' || t.slug), 1, 23), $1, $2, p.client_id, t.template_id, t.version_id,
           CASE t.slug WHEN 'trigger-log' THEN 'Whenever a doubt hits hard. A few lines is plenty.' ELSE 'Try it once a day, and whenever the worry spikes.' END,
           'DAILY'::"ScheduleType", p.start_on, NULL::date, NULL::date, '{}'::int[], NULL::int, 'ACTIVE'::"AssignmentStatus", NULL::timestamp, ${startedAt}, now()
    FROM bench_plan p JOIN bench_tpl t ON t.slug IN ('trigger-log', 'grounding-practice')`,
    [practiceId, therapistId]);

  // Which days have entries: scheduled items once on each due day the client
  // did them; logs 0–2 times a day. Nothing in a silent client's last days.
  await step("entry days", `
    CREATE TEMP TABLE bench_entries AS
    SELECT d.*, e.n AS entry, random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5, random() AS r6, random() AS r7
    FROM (
      SELECT a.id AS assignment_id, a."templateVersionId" AS version_id, t.slug, p.*, day::date AS day,
             (day::date - p.start_on)::float8 / $2 AS progress,
             CASE WHEN p.declining AND day::date >= p.today - 35 THEN 2 + (day::date >= p.today - 14)::int ELSE 0 END AS dip,
             CASE t.slug
               WHEN 'trigger-log' THEN CASE WHEN r0 < 0.10 THEN 2 WHEN r0 < 0.50 * p.engagement + 0.05 THEN 1 ELSE 0 END
               WHEN 'grounding-practice' THEN CASE WHEN r0 < 0.35 * p.engagement THEN 1 ELSE 0 END
               ELSE CASE WHEN r0 < p.engagement THEN 1 ELSE 0 END
             END AS count
      FROM "Assignment" a
      JOIN bench_plan p ON p.client_id = a."clientId"
      JOIN bench_tpl t ON t.template_id = a."templateId"
      CROSS JOIN LATERAL generate_series(
        a."startDate"::timestamp,
        LEAST(p.today - 1, COALESCE(a."startDate" + a."dayCount" - 1, p.today - 1))::timestamp,
        interval '1 day') AS day
      CROSS JOIN LATERAL (SELECT random() + 0 * extract(epoch FROM day) AS r0) AS roll
      WHERE a."practiceId" = $1 AND a."scheduleType" <> 'ONCE'
        AND (a."scheduleType" <> 'WEEKLY' OR extract(dow FROM day) = 0)
        AND day::date < p.today - p.silent_days
    ) AS d
    CROSS JOIN LATERAL generate_series(1, d.count) AS e(n)
    WHERE d.count > 0`,
    [practiceId, plan.days]);

  const at = (time: string, jitterMinutes: number) =>
    `(((e.day + time '${time}' + make_interval(mins => floor(e.r7 * ${jitterMinutes})::int)) AT TIME ZONE e.tz) AT TIME ZONE 'UTC')`;
  const clamp = (expression: string) => `GREATEST(0, LEAST(10, round(${expression})))::int`;
  const trend = (from: string, to: string, noise: string) => `((${from}) + ((${to}) - (${from})) * e.progress + (${noise} - 0.5) * 2.4)`;
  await step("submitted entries", `
    INSERT INTO "Submission" (id, "practiceId", "clientId", "assignmentId", "templateVersionId", "dueOn", "entryKey", status,
                              answers, "privateKeys", version, "submittedAt", "reviewedAt", "createdAt", "updatedAt")
    SELECT 'bs' || substr(md5(e.assignment_id || e.day || ':' || e.entry), 1, 23), $1, e.client_id, e.assignment_id, e.version_id, e.day,
           CASE WHEN e.slug IN ('trigger-log', 'grounding-practice') THEN 'log-' || substr(md5(e.assignment_id || e.day || ':' || e.entry), 1, 20)
                ELSE to_char(e.day, 'YYYY-MM-DD') END,
           'SUBMITTED'::"SubmissionStatus", e.answers, '{}', 1, e.submitted_at,
           CASE WHEN e.day < e.today - 4 AND e.r6 < 0.995 THEN e.submitted_at + interval '20 hours' END,
           e.submitted_at - interval '4 minutes', e.submitted_at
    FROM (
      SELECT e.*,
        CASE e.slug
          WHEN 'weekly-trust-check-in' THEN jsonb_build_object(
            'predictability', GREATEST(0, ${clamp(trend("e.trust_from", "e.trust_to", "e.r1"))} - e.dip),
            'reliability', GREATEST(0, ${clamp(trend("e.trust_from", "e.trust_to", "e.r2"))} - e.dip),
            'emotional_safety', GREATEST(0, ${clamp(trend("e.trust_from - 1", "e.trust_to", "e.r3"))} - e.dip),
            'worry', LEAST(10, ${clamp(trend("9 - e.trust_from", "10 - e.trust_to", "e.r4"))} + e.dip),
            'times_checked', GREATEST(0, round(10 - e.progress * 7 + (e.r5 - 0.5) * 3))::int + 2 * e.dip)
          WHEN 'micro-promises' THEN jsonb_build_object(
            'promise', (ARRAY['Text when I''m running late', 'Be home for dinner by 7', 'Put my phone away at dinner', 'Ask about their day and listen', 'Do the dishes I said I''d do', 'Call at lunch like I said'])[1 + floor(e.r1 * 6)::int],
            'kept', CASE WHEN e.r2 < 0.55 + 0.3 * e.progress - 0.1 * e.dip THEN 'yes' WHEN e.r2 < 0.70 + 0.3 * e.progress - 0.1 * e.dip THEN 'partly' ELSE 'no' END)
            || CASE WHEN e.r3 < 0.6 THEN jsonb_build_object('partner_kept', (ARRAY['They called when they said they would', 'They made coffee for me', 'They were on time', 'They asked before making plans'])[1 + floor(e.r4 * 4)::int]) ELSE '{}' END
          WHEN 'trigger-log' THEN jsonb_build_object(
            'trigger', (ARRAY['late_reply', 'late_reply', 'routine_change', 'social_media', 'partner_withdrawn'])[1 + floor(e.r1 * 5)::int],
            'intensity_before', ${clamp("8 - 3 * e.progress + (e.r2 - 0.5) * 2")},
            'evidence_or_emotion', CASE WHEN e.r3 < 0.25 THEN 'evidence' WHEN e.r3 < 0.85 THEN 'emotion' ELSE 'unsure' END,
            'reassurance_needed', (ARRAY['To hear that we''re okay', 'A quick text back', 'To know where they were', 'A hug'])[1 + floor(e.r4 * 4)::int],
            'what_i_did', CASE WHEN e.r5 < 0.3 + 0.5 * e.progress
              THEN CASE WHEN e.r4 < 0.5 THEN '["paused", "named_feeling", "asked_calmly"]'::jsonb ELSE '["paused", "named_feeling"]'::jsonb END
              ELSE CASE WHEN e.r4 < 0.5 THEN '["checked_phone", "named_feeling"]'::jsonb ELSE '["accused", "named_feeling"]'::jsonb END END,
            'intensity_after', GREATEST(0, ${clamp("8 - 3 * e.progress + (e.r2 - 0.5) * 2")} - CASE WHEN e.r5 < 0.3 + 0.5 * e.progress THEN 2 + round(e.r6 * 2)::int ELSE round(e.r6)::int END))
          ELSE jsonb_build_object(
            'worry_before', ${clamp("7 - 2 * e.progress + (e.r1 - 0.5) * 2.4")},
            'box_breathing', jsonb_build_object('completed', true, 'seconds', 120),
            'senses', jsonb_build_object('see', 'lamp, window, mug, plant, my bag', 'touch', 'chair, sleeve, floor, table', 'hear', 'rain, fridge, trains', 'smell', 'tea, soap', 'taste', 'mint'),
            'worry_after', GREATEST(0, ${clamp("7 - 2 * e.progress + (e.r1 - 0.5) * 2.4")} - 2 - round(e.r2 * 2)::int))
        END AS answers,
        CASE e.slug
          WHEN 'weekly-trust-check-in' THEN ${at("20:30", 90)}
          WHEN 'micro-promises' THEN ${at("21:00", 60)}
          WHEN 'trigger-log' THEN CASE WHEN e.entry = 1 THEN ${at("13:15", 120)} ELSE ${at("22:10", 60)} END
          ELSE ${at("07:40", 45)}
        END AS submitted_at
      FROM bench_entries e
    ) AS e`,
    [practiceId]);

  // Every eighth client answered the safety check as "partly afraid"; older
  // flags have been acknowledged, recent ones are still open.
  await step("safety checks", `
    WITH picked AS (
      SELECT p.*, p.today - (3 + (p.n * 13) % 60)::int AS day, t.template_id, t.version_id
      FROM bench_plan p JOIN bench_tpl t ON t.slug = 'relationship-safety-check'
      WHERE p.n % 8 = 1
    ), assignment AS (
      INSERT INTO "Assignment" (${assignmentColumns})
      SELECT 'ba' || substr(md5(client_id || ':safety'), 1, 23), $1, $2, client_id, template_id, version_id, NULL, 'ONCE'::"ScheduleType",
             day, day, NULL, '{}'::int[], NULL, 'ACTIVE'::"AssignmentStatus", NULL, ((day + time '09:00') AT TIME ZONE tz) AT TIME ZONE 'UTC', now()
      FROM picked RETURNING id, "clientId"
    ), submission AS (
      INSERT INTO "Submission" (id, "practiceId", "clientId", "assignmentId", "templateVersionId", "dueOn", "entryKey", status,
                                answers, "privateKeys", version, "safetyConcern", "submittedAt", "reviewedAt", "createdAt", "updatedAt")
      SELECT 'bs' || substr(md5(a.id), 1, 23), $1, p.client_id, a.id, p.version_id, p.day, to_char(p.day, 'YYYY-MM-DD'), 'SUBMITTED'::"SubmissionStatus",
             '{"consistent_accountable": "partly", "safe_over_time": "no", "growing_or_anxious": "anxious", "afraid_or_unsafe": "partly"}'::jsonb,
             '{}', 1, true, ((p.day + time '19:00') AT TIME ZONE p.tz) AT TIME ZONE 'UTC',
             CASE WHEN p.day < p.today - 14 THEN ((p.day + time '19:00') AT TIME ZONE p.tz) AT TIME ZONE 'UTC' + interval '1 day' END,
             ((p.day + time '18:50') AT TIME ZONE p.tz) AT TIME ZONE 'UTC', ((p.day + time '19:00') AT TIME ZONE p.tz) AT TIME ZONE 'UTC'
      FROM picked p JOIN assignment a ON a."clientId" = p.client_id
      RETURNING id, "clientId", "dueOn", "submittedAt", "reviewedAt"
    )
    INSERT INTO "SafetyFlag" (id, "practiceId", "clientId", "submissionId", "fieldKeys", "raisedAt", "acknowledgedAt", "acknowledgedById", note)
    SELECT 'bf' || substr(md5(s.id), 1, 23), $1, s."clientId", s.id, ARRAY['afraid_or_unsafe'], s."submittedAt", s."reviewedAt",
           CASE WHEN s."reviewedAt" IS NOT NULL THEN $2 END,
           CASE WHEN s."reviewedAt" IS NOT NULL THEN 'Talked it through in session; safety plan in place.' END
    FROM submission s`,
    [practiceId, therapistId]);

  // Today's micro-promise half written by some clients.
  await step("drafts", `
    INSERT INTO "Submission" (id, "practiceId", "clientId", "assignmentId", "templateVersionId", "dueOn", "entryKey", status,
                              answers, "privateKeys", version, "createdAt", "updatedAt")
    SELECT 'bs' || substr(md5(a.id || ':draft'), 1, 23), $1, p.client_id, a.id, a."templateVersionId", p.today, to_char(p.today, 'YYYY-MM-DD'),
           'DRAFT'::"SubmissionStatus", '{"promise": "Leave work on time and text when I leave"}'::jsonb, '{}', 2, now() - interval '1 hour', now()
    FROM bench_plan p
    JOIN "Assignment" a ON a."clientId" = p.client_id AND a."scheduleType" = 'DAILY_FOR_N_DAYS' AND a.status = 'ACTIVE'
    WHERE p.n % 5 = 2 AND p.silent_days = 0 AND a."startDate" <= p.today`,
    [practiceId]);

  // Numbers from answers, as lib/exercises/measurements.ts derives them.
  await step("measurements", `
    INSERT INTO "Measurement" (id, "practiceId", "clientId", "submissionId", metric, value, "recordedOn", "createdAt")
    SELECT 'bm' || substr(md5(s.id || m.metric), 1, 23), s."practiceId", s."clientId", s.id, m.metric, m.value, s."dueOn", s."submittedAt"
    FROM "Submission" s
    JOIN "TemplateVersion" v ON v.id = s."templateVersionId"
    JOIN "ExerciseTemplate" t ON t.id = v."templateId"
    CROSS JOIN LATERAL (
      SELECT t.slug || '.' || k AS metric, (s.answers ->> k)::float8 AS value
      FROM unnest(CASE t.slug
        WHEN 'weekly-trust-check-in' THEN ARRAY['predictability', 'reliability', 'emotional_safety', 'worry', 'times_checked']
        WHEN 'trigger-log' THEN ARRAY['intensity_before', 'intensity_after']
        WHEN 'grounding-practice' THEN ARRAY['worry_before', 'worry_after']
        ELSE ARRAY[]::text[] END) AS k
      UNION ALL
      SELECT 'trigger-log.what_i_did.count', jsonb_array_length(s.answers -> 'what_i_did')::float8 WHERE t.slug = 'trigger-log'
      UNION ALL
      SELECT t.slug || '.' || k, CASE s.answers ->> k WHEN 'yes' THEN 1 WHEN 'partly' THEN 0.5 ELSE 0 END
      FROM unnest(CASE t.slug
        WHEN 'micro-promises' THEN ARRAY['kept']
        WHEN 'relationship-safety-check' THEN ARRAY['consistent_accountable', 'safe_over_time', 'afraid_or_unsafe']
        ELSE ARRAY[]::text[] END) AS k
    ) AS m
    WHERE s."practiceId" = $1 AND s.status = 'SUBMITTED'`,
    [practiceId]);

  await step("feedback", `
    INSERT INTO "Feedback" (id, "submissionId", "therapistId", body, "readAt", "createdAt", "updatedAt")
    SELECT 'bk' || substr(md5(s.id), 1, 23), s.id, $2,
           (ARRAY['Thank you for being so honest about this week. Notice how the worry dipped on the days you named the feeling first.',
                  'That setback makes sense after the late nights. It does not undo the work you have done. Let us look at it together on Thursday.',
                  'You checked far less this week. That is a real change, and it came from you.'])[1 + abs(hashtext(s.id)) % 3],
           s."reviewedAt" + interval '2 hours', s."reviewedAt", s."reviewedAt"
    FROM "Submission" s JOIN bench_tpl t ON t.version_id = s."templateVersionId"
    WHERE s."practiceId" = $1 AND t.slug = 'weekly-trust-check-in' AND s."reviewedAt" IS NOT NULL AND abs(hashtext(s.id)) % 4 = 0`,
    [practiceId, therapistId]);

  await sql.query("DROP TABLE bench_plan, bench_entries");
}

/** The built-in templates' newest versions, shared by both practices. */
export async function loadBenchTemplates(sql: pg.Client) {
  await sql.query(`
    CREATE TEMP TABLE bench_tpl AS
    SELECT DISTINCT ON (t.slug) t.slug, t.id AS template_id, v.id AS version_id
    FROM "ExerciseTemplate" t JOIN "TemplateVersion" v ON v."templateId" = t.id
    WHERE t.slug = ANY($1::text[])
    ORDER BY t.slug, v.version DESC`, [BENCH_SLUGS]);
  const { rows } = await sql.query<{ slug: string }>("SELECT slug FROM bench_tpl");
  const missing = BENCH_SLUGS.filter((slug) => !rows.some((row) => row.slug === slug));
  if (missing.length) throw new Error(`Built-in templates missing from the database: ${missing.join(", ")}`);
}
