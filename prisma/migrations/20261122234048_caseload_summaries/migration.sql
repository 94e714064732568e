-- AlterTable
ALTER TABLE "Client" ADD COLUMN     "caseloadVersion" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "lastSubmittedAt" TIMESTAMP(3),
ADD COLUMN     "unreviewedCount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "recentSubmittedDates" DATE[] DEFAULT ARRAY[]::DATE[];

-- CreateTable
CREATE TABLE "MeasurementWeek" (
    "clientId" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "weekStart" DATE NOT NULL,
    "total" DOUBLE PRECISION NOT NULL,
    "count" INTEGER NOT NULL,
    "lastAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MeasurementWeek_pkey" PRIMARY KEY ("clientId","metric","weekStart")
);

-- AddForeignKey
ALTER TABLE "MeasurementWeek" ADD CONSTRAINT "MeasurementWeek_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Summaries for the caseload dashboard, kept by triggers.
--
-- The dashboard needs, for every client at once, the newest submission, the
-- due dates done in the last four weeks and weekly trust check-in means, and
-- every therapist page shows how many entries wait for review.
-- Computed per request those were three scans over weeks of submissions and
-- measurements per client (most of the page's time at 150 clients). Kept here
-- instead, at write time, by statement-level triggers with transition
-- tables: one set-based statement per write whether the app submits a single
-- entry or a seed or import inserts thousands. Triggers rather than app code
-- so that every writer (the app, seeds, tests, a manual fix) keeps them
-- true. The app only reads them.
-- ---------------------------------------------------------------------------

-- Client.caseloadVersion changes whenever anything a client's caseload row
-- shows may have changed, so rows computed for an older version are not
-- reused (lib/caseload/row-cache.ts).
CREATE FUNCTION "trellis_bump_caseload"(client_ids text[])
RETURNS void LANGUAGE sql AS $$
  UPDATE "Client" SET "caseloadVersion" = "caseloadVersion" + 1 WHERE "id" = ANY(client_ids);
$$;

-- How far back Assignment.recentSubmittedDates reaches, counted from the
-- assignment's newest submitted due date (not from today, so the summary
-- does not depend on the database clock). The dashboard reads the last 29
-- days. Only one-off items can be done before their due date, and they
-- have a single date, so the newest date is never far ahead of today.
CREATE FUNCTION "trellis_recent_dates_days"() RETURNS integer
LANGUAGE sql IMMUTABLE AS $$ SELECT 62 $$;

-- Adds newly submitted entries (parallel arrays, one element per entry).
-- Rows are locked in the order Assignment, then Client, as a therapist's
-- change to an assignment does (its trigger below bumps the client), so
-- the two cannot deadlock.
CREATE FUNCTION "trellis_merge_submitted"(client_ids text[], assignment_ids text[], due_dates date[], submitted_ats timestamp(3)[])
RETURNS void LANGUAGE sql AS $$

  UPDATE "Assignment" a
  SET "recentSubmittedDates" = ARRAY(
    SELECT DISTINCT d FROM unnest(a."recentSubmittedDates" || e.dates) AS d
    WHERE d >= (SELECT max(x) FROM unnest(a."recentSubmittedDates" || e.dates) AS x) - "trellis_recent_dates_days"()
    ORDER BY d
  )
  FROM (
    SELECT assignment_id, array_agg(due_on) AS dates
    FROM unnest(assignment_ids, due_dates) AS entry(assignment_id, due_on)
    GROUP BY assignment_id
  ) e
  WHERE a."id" = e.assignment_id;

  UPDATE "Client" c
  SET "lastSubmittedAt" = GREATEST(c."lastSubmittedAt", e.newest),
    "caseloadVersion" = c."caseloadVersion" + 1
  FROM (
    SELECT client_id, max(submitted_at) AS newest
    FROM unnest(client_ids, submitted_ats) AS entry(client_id, submitted_at)
    GROUP BY client_id
  ) e
  WHERE c."id" = e.client_id;
$$;

-- Recomputes the submission summaries of the given clients from their
-- submissions: after an entry is deleted or stops being submitted (the app
-- never does either, so this path may be slow). The rows are locked first,
-- in the merge's order (Assignment, then Client): a submit running at the
-- same time then either finishes before the recount, whose later statements
-- see it, or waits for it and merges on top, so nothing is lost.
CREATE FUNCTION "trellis_rebuild_submission_summaries"(client_ids text[])
RETURNS void LANGUAGE sql AS $$
  SELECT 1 FROM "Assignment" WHERE "clientId" = ANY(client_ids) ORDER BY "id" FOR UPDATE;
  SELECT 1 FROM "Client" WHERE "id" = ANY(client_ids) ORDER BY "id" FOR UPDATE;

  UPDATE "Assignment" a
  SET "recentSubmittedDates" = COALESCE((
    SELECT array_agg(DISTINCT s."dueOn" ORDER BY s."dueOn")
    FROM "Submission" s
    WHERE s."assignmentId" = a."id" AND s."status" = 'SUBMITTED'
      AND s."dueOn" >= (
        SELECT max(n."dueOn") FROM "Submission" n WHERE n."assignmentId" = a."id" AND n."status" = 'SUBMITTED'
      ) - "trellis_recent_dates_days"()
  ), ARRAY[]::date[])
  WHERE a."clientId" = ANY(client_ids);

  UPDATE "Client" c
  SET "lastSubmittedAt" = (
      SELECT max(s."submittedAt") FROM "Submission" s WHERE s."clientId" = c."id" AND s."status" = 'SUBMITTED'
    ),
    "unreviewedCount" = (
      SELECT count(*) FROM "Submission" s WHERE s."clientId" = c."id" AND s."status" = 'SUBMITTED' AND s."reviewedAt" IS NULL
    ),
    "caseloadVersion" = c."caseloadVersion" + 1
  WHERE c."id" = ANY(client_ids);
$$;

-- Client.unreviewedCount: +1 per entry that became "submitted, not
-- reviewed" (added), -1 per entry that stopped being so (removed).
CREATE FUNCTION "trellis_adjust_unreviewed"(added text[], removed text[])
RETURNS void LANGUAGE sql AS $$
  UPDATE "Client" c
  SET "unreviewedCount" = c."unreviewedCount" + d.delta
  FROM (
    SELECT change.client_id, sum(change.delta)::integer AS delta
    FROM (
      SELECT unnest(added) AS client_id, 1 AS delta
      UNION ALL SELECT unnest(removed), -1
    ) change
    GROUP BY change.client_id
  ) d
  WHERE c."id" = d.client_id AND d.delta <> 0;
$$;

CREATE FUNCTION "trellis_submissions_inserted"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  client_ids text[];
  assignment_ids text[];
  due_dates date[];
  submitted_ats timestamp(3)[];
BEGIN
  SELECT array_agg(n."clientId"), array_agg(n."assignmentId"), array_agg(n."dueOn"), array_agg(n."submittedAt")
  INTO client_ids, assignment_ids, due_dates, submitted_ats
  FROM new_rows n
  WHERE n."status" = 'SUBMITTED';
  IF client_ids IS NOT NULL THEN
    PERFORM "trellis_merge_submitted"(client_ids, assignment_ids, due_dates, submitted_ats);
    PERFORM "trellis_adjust_unreviewed"(
      ARRAY(SELECT n."clientId" FROM new_rows n WHERE n."status" = 'SUBMITTED' AND n."reviewedAt" IS NULL),
      ARRAY[]::text[]
    );
  END IF;
  RETURN NULL;
END
$$;

-- Runs after every UPDATE statement on Submission (draft saves and reviews
-- too), so it first checks cheaply whether anything it summarises changed.
CREATE FUNCTION "trellis_submissions_updated"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  client_ids text[];
  assignment_ids text[];
  due_dates date[];
  submitted_ats timestamp(3)[];
BEGIN
  IF EXISTS (
    SELECT 1 FROM old_rows o JOIN new_rows n ON n."id" = o."id"
    WHERE o."status" = 'SUBMITTED' AND (
      n."status" <> 'SUBMITTED' OR n."dueOn" <> o."dueOn" OR n."assignmentId" <> o."assignmentId"
      OR n."clientId" <> o."clientId" OR n."submittedAt" IS DISTINCT FROM o."submittedAt"
    )
  ) THEN
    PERFORM "trellis_rebuild_submission_summaries"(ARRAY(
      SELECT o."clientId" FROM old_rows o UNION SELECT n."clientId" FROM new_rows n
    ));
    RETURN NULL;
  END IF;

  SELECT array_agg(n."clientId"), array_agg(n."assignmentId"), array_agg(n."dueOn"), array_agg(n."submittedAt")
  INTO client_ids, assignment_ids, due_dates, submitted_ats
  FROM new_rows n JOIN old_rows o ON o."id" = n."id"
  WHERE n."status" = 'SUBMITTED' AND o."status" <> 'SUBMITTED';
  IF client_ids IS NOT NULL THEN
    PERFORM "trellis_merge_submitted"(client_ids, assignment_ids, due_dates, submitted_ats);
  END IF;

  -- Reviewing (or un-reviewing) only moves the count.
  PERFORM "trellis_adjust_unreviewed"(
    ARRAY(
      SELECT n."clientId" FROM new_rows n JOIN old_rows o ON o."id" = n."id"
      WHERE n."status" = 'SUBMITTED' AND n."reviewedAt" IS NULL AND NOT (o."status" = 'SUBMITTED' AND o."reviewedAt" IS NULL)
    ),
    ARRAY(
      SELECT o."clientId" FROM old_rows o JOIN new_rows n ON n."id" = o."id"
      WHERE o."status" = 'SUBMITTED' AND o."reviewedAt" IS NULL AND NOT (n."status" = 'SUBMITTED' AND n."reviewedAt" IS NULL)
    )
  );
  RETURN NULL;
END
$$;

CREATE FUNCTION "trellis_submissions_deleted"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM old_rows o WHERE o."status" = 'SUBMITTED') THEN
    PERFORM "trellis_rebuild_submission_summaries"(ARRAY(
      SELECT DISTINCT o."clientId" FROM old_rows o WHERE o."status" = 'SUBMITTED'
    ));
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Submission_summaries_insert" AFTER INSERT ON "Submission"
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "trellis_submissions_inserted"();

CREATE TRIGGER "Submission_summaries_update" AFTER UPDATE ON "Submission"
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "trellis_submissions_updated"();

CREATE TRIGGER "Submission_summaries_delete" AFTER DELETE ON "Submission"
REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION "trellis_submissions_deleted"();

-- Weekly measurement totals. Weeks start on Monday (date_trunc's week) of
-- recordedOn, which is already a date in the client's calendar.
CREATE FUNCTION "trellis_week_of"(day date) RETURNS date
LANGUAGE sql IMMUTABLE AS $$ SELECT date_trunc('week', day::timestamp)::date $$;

CREATE FUNCTION "trellis_measurements_inserted"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "MeasurementWeek" ("clientId", "metric", "weekStart", "total", "count", "lastAt")
  SELECT n."clientId", n."metric", "trellis_week_of"(n."recordedOn"), sum(n."value"), count(*), max(n."createdAt")
  FROM new_rows n
  GROUP BY 1, 2, 3
  ON CONFLICT ("clientId", "metric", "weekStart") DO UPDATE SET
    "total" = "MeasurementWeek"."total" + excluded."total",
    "count" = "MeasurementWeek"."count" + excluded."count",
    "lastAt" = GREATEST("MeasurementWeek"."lastAt", excluded."lastAt");
  PERFORM "trellis_bump_caseload"(ARRAY(SELECT DISTINCT n."clientId" FROM new_rows n));
  RETURN NULL;
END
$$;

-- Recomputes the weeks that the changed rows belonged to. The app never
-- updates or deletes a measurement except through a client's deletion, so
-- this is for maintenance: run it while nobody submits for those clients.
CREATE FUNCTION "trellis_rebuild_measurement_weeks"(client_ids text[], metrics text[], weeks date[])
RETURNS void LANGUAGE sql AS $$
  DELETE FROM "MeasurementWeek" w
  USING unnest(client_ids, metrics, weeks) AS k(client_id, metric, week)
  WHERE w."clientId" = k.client_id AND w."metric" = k.metric AND w."weekStart" = k.week;

  INSERT INTO "MeasurementWeek" ("clientId", "metric", "weekStart", "total", "count", "lastAt")
  SELECT m."clientId", m."metric", k.week, sum(m."value"), count(*), max(m."createdAt")
  FROM (SELECT DISTINCT * FROM unnest(client_ids, metrics, weeks) AS k(client_id, metric, week)) k
  -- A client being deleted (the cascade reaches Measurement) has no weeks left to keep.
  JOIN "Client" c ON c."id" = k.client_id
  JOIN "Measurement" m ON m."clientId" = k.client_id AND m."metric" = k.metric
    AND m."recordedOn" >= k.week AND m."recordedOn" < k.week + 7
  GROUP BY 1, 2, 3;
$$;

CREATE FUNCTION "trellis_measurements_changed"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  client_ids text[];
  metrics text[];
  weeks date[];
BEGIN
  IF TG_OP = 'UPDATE' THEN
    SELECT array_agg(k."clientId"), array_agg(k."metric"), array_agg(k.week) INTO client_ids, metrics, weeks
    FROM (
      SELECT o."clientId", o."metric", "trellis_week_of"(o."recordedOn") AS week FROM old_rows o
      UNION SELECT n."clientId", n."metric", "trellis_week_of"(n."recordedOn") FROM new_rows n
    ) k;
  ELSE
    SELECT array_agg(k."clientId"), array_agg(k."metric"), array_agg(k.week) INTO client_ids, metrics, weeks
    FROM (SELECT DISTINCT o."clientId", o."metric", "trellis_week_of"(o."recordedOn") AS week FROM old_rows o) k;
  END IF;
  IF client_ids IS NOT NULL THEN
    PERFORM "trellis_rebuild_measurement_weeks"(client_ids, metrics, weeks);
    PERFORM "trellis_bump_caseload"(client_ids);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Measurement_weeks_insert" AFTER INSERT ON "Measurement"
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "trellis_measurements_inserted"();

CREATE TRIGGER "Measurement_weeks_update" AFTER UPDATE ON "Measurement"
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "trellis_measurements_changed"();

CREATE TRIGGER "Measurement_weeks_delete" AFTER DELETE ON "Measurement"
REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION "trellis_measurements_changed"();

-- Assignments, safety flags and acknowledgements only need the bump. One
-- function per kind of event, as each sees different transition tables.
CREATE FUNCTION "trellis_bump_caseload_inserted"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "trellis_bump_caseload"(ARRAY(SELECT DISTINCT n."clientId" FROM new_rows n));
  RETURN NULL;
END
$$;

CREATE FUNCTION "trellis_bump_caseload_updated"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "trellis_bump_caseload"(ARRAY(SELECT n."clientId" FROM new_rows n UNION SELECT o."clientId" FROM old_rows o));
  RETURN NULL;
END
$$;

CREATE FUNCTION "trellis_bump_caseload_deleted"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "trellis_bump_caseload"(ARRAY(SELECT DISTINCT o."clientId" FROM old_rows o));
  RETURN NULL;
END
$$;

CREATE TRIGGER "Assignment_caseload_insert" AFTER INSERT ON "Assignment"
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "trellis_bump_caseload_inserted"();
CREATE TRIGGER "Assignment_caseload_delete" AFTER DELETE ON "Assignment"
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "trellis_bump_caseload_deleted"();
CREATE TRIGGER "SafetyFlag_caseload_insert" AFTER INSERT ON "SafetyFlag"
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "trellis_bump_caseload_inserted"();
CREATE TRIGGER "SafetyFlag_caseload_update" AFTER UPDATE ON "SafetyFlag"
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "trellis_bump_caseload_updated"();
CREATE TRIGGER "SafetyFlag_caseload_delete" AFTER DELETE ON "SafetyFlag"
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "trellis_bump_caseload_deleted"();
CREATE TRIGGER "FlagAcknowledgement_caseload_insert" AFTER INSERT ON "FlagAcknowledgement"
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "trellis_bump_caseload_inserted"();
CREATE TRIGGER "FlagAcknowledgement_caseload_update" AFTER UPDATE ON "FlagAcknowledgement"
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "trellis_bump_caseload_updated"();
CREATE TRIGGER "FlagAcknowledgement_caseload_delete" AFTER DELETE ON "FlagAcknowledgement"
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "trellis_bump_caseload_deleted"();

-- Assignment updates run for every statement (the recentSubmittedDates
-- updates above included), so this one bumps only for columns the row
-- uses: not for the summary itself, the note or updatedAt.
CREATE FUNCTION "trellis_assignments_updated"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "trellis_bump_caseload"(ARRAY(
    SELECT n."clientId" FROM new_rows n JOIN old_rows o ON o."id" = n."id"
    WHERE (n."clientId", n."therapistId", n."practiceId", n."status", n."pausedAt", n."endedAt", n."scheduleType",
        n."startDate", n."dueDate", n."endDate", n."weekdays", n."dayCount", n."templateVersionId")
      IS DISTINCT FROM (o."clientId", o."therapistId", o."practiceId", o."status", o."pausedAt", o."endedAt", o."scheduleType",
        o."startDate", o."dueDate", o."endDate", o."weekdays", o."dayCount", o."templateVersionId")
    UNION SELECT o."clientId" FROM old_rows o JOIN new_rows n ON n."id" = o."id" WHERE n."clientId" <> o."clientId"
  ));
  RETURN NULL;
END
$$;

CREATE TRIGGER "Assignment_caseload_update" AFTER UPDATE ON "Assignment"
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "trellis_assignments_updated"();

-- Existing data.
SELECT "trellis_rebuild_submission_summaries"(ARRAY(SELECT "id" FROM "Client"));

INSERT INTO "MeasurementWeek" ("clientId", "metric", "weekStart", "total", "count", "lastAt")
SELECT m."clientId", m."metric", "trellis_week_of"(m."recordedOn"), sum(m."value"), count(*), max(m."createdAt")
FROM "Measurement" m
GROUP BY 1, 2, 3;
