// The summaries the caseload dashboard reads (Client.lastSubmittedAt,
// Assignment.recentSubmittedDates, MeasurementWeek) are kept by database
// triggers. Whatever writes the rows (the app's submit, a bulk INSERT …
// SELECT, a deletion) they must equal what a scan of the base tables says.
import { beforeAll, describe, expect, it } from "vitest";
import type { TherapistScope } from "@/lib/clients/scope";
import { addDays, fromDbDate, instantOf, toDbDate, type LocalDate } from "@/lib/dates/local-date";
import { db } from "@/lib/db";
import { saveDraft } from "@/lib/homework/save-draft";
import { submitEntry } from "@/lib/homework/submit-entry";
import { countUnreviewed } from "@/lib/review/list-inbox";
import { createTherapist } from "@/tests/support/integration-fixtures";
import { assignBuiltIn, checkInAnswers, createClientIn, microPromiseAnswers } from "@/tests/support/homework-fixtures";

const ZONE = "Europe/London";
const START = "2025-12-22";
const TODAY = "2026-01-06";
const NOW = instantOf(TODAY, "18:00", ZONE);

let therapist: TherapistScope;

beforeAll(async () => {
  therapist = (await createTherapist()).scope;
});

async function dailyOf(slug: string) {
  const client = await createClientIn(therapist, ZONE);
  const assignmentId = await assignBuiltIn(therapist, slug, client.clientId, { scheduleType: "DAILY", startDate: START }, instantOf(START, "09:00", ZONE));
  return { client, assignmentId };
}

async function summaryOf(clientId: string, assignmentId: string) {
  const [client, assignment] = await Promise.all([
    db.client.findUniqueOrThrow({ where: { id: clientId }, select: { lastSubmittedAt: true } }),
    db.assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { recentSubmittedDates: true } }),
  ]);
  return { lastSubmittedAt: client.lastSubmittedAt, dates: assignment.recentSubmittedDates.map(fromDbDate) };
}

/** What the summaries should say, straight from the submissions. */
async function recomputed(clientId: string, assignmentId: string) {
  const submitted = await db.submission.findMany({
    where: { clientId, status: "SUBMITTED" },
    select: { assignmentId: true, dueOn: true, submittedAt: true },
  });
  const times = submitted.map((row) => row.submittedAt!.getTime());
  const dates = [...new Set(submitted.filter((row) => row.assignmentId === assignmentId).map((row) => fromDbDate(row.dueOn)))].sort();
  const newest = dates.at(-1);
  return {
    lastSubmittedAt: times.length ? new Date(Math.max(...times)) : null,
    dates: newest ? dates.filter((date) => date >= addDays(newest, -62)) : [],
  };
}

/** Submitted rows for `dates` in one INSERT … SELECT, as a seed or an import would write them. */
async function bulkSubmit(clientId: string, assignmentId: string, dates: LocalDate[]) {
  const version = await db.assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { templateVersionId: true } });
  await db.$executeRaw`
    INSERT INTO "Submission" ("id", "practiceId", "clientId", "assignmentId", "templateVersionId", "dueOn", "entryKey", "status", "submittedAt", "updatedAt")
    SELECT gen_random_uuid()::text, ${therapist.practiceId}, ${clientId}, ${assignmentId}, ${version.templateVersionId},
      d::date, d, 'SUBMITTED', d::date + time '21:00', now()
    FROM unnest(${dates}::text[]) AS d`;
}

describe("submission summaries", () => {
  it("follow the app's submit, and neither a draft save nor a second submit changes them", async () => {
    const { client, assignmentId } = await dailyOf("micro-promises");
    expect(await summaryOf(client.clientId, assignmentId)).toEqual({ lastSubmittedAt: null, dates: [] });

    await saveDraft(client.scope, { assignmentId, entryKey: TODAY, answers: { promise: "Call at six" }, privateKeys: [], baseVersion: 0 }, NOW);
    expect(await summaryOf(client.clientId, assignmentId)).toEqual({ lastSubmittedAt: null, dates: [] });

    const yesterday = addDays(TODAY, -1);
    const input = (entryKey: string, baseVersion: number) => ({ assignmentId, entryKey, answers: microPromiseAnswers(), privateKeys: [], baseVersion });
    await submitEntry(client.scope, input(TODAY, 1), NOW);
    const later = new Date(NOW.getTime() + 60_000);
    await submitEntry(client.scope, input(yesterday, 0), later);
    await submitEntry(client.scope, input(TODAY, 1), new Date(later.getTime() + 60_000));

    expect(await summaryOf(client.clientId, assignmentId)).toEqual({ lastSubmittedAt: later, dates: [yesterday, TODAY] });
    expect(await summaryOf(client.clientId, assignmentId)).toEqual(await recomputed(client.clientId, assignmentId));
  });

  it("follow a bulk insert across a year end, keeping about two months before the newest date", async () => {
    const { client, assignmentId } = await dailyOf("micro-promises");
    const dates = Array.from({ length: 100 }, (_, index) => addDays("2025-10-01", index));

    await bulkSubmit(client.clientId, assignmentId, dates);

    const summary = await summaryOf(client.clientId, assignmentId);
    expect(summary).toEqual(await recomputed(client.clientId, assignmentId));
    expect(summary.dates[0]).toBe(addDays("2026-01-08", -62));
    expect(summary.dates.at(-1)).toBe("2026-01-08");
    expect(summary.lastSubmittedAt).toEqual(new Date("2026-01-08T21:00:00Z"));
  });

  it("are recomputed when a submitted entry is deleted", async () => {
    const { client, assignmentId } = await dailyOf("micro-promises");
    await bulkSubmit(client.clientId, assignmentId, ["2026-01-03", "2026-01-04", "2026-01-05"]);

    await db.submission.deleteMany({ where: { assignmentId, entryKey: "2026-01-05" } });

    expect(await summaryOf(client.clientId, assignmentId)).toEqual({
      lastSubmittedAt: new Date("2026-01-04T21:00:00Z"),
      dates: ["2026-01-03", "2026-01-04"],
    });
  });

  it("count the entries waiting for review, whatever marks them reviewed or deletes them", async () => {
    const { client, assignmentId } = await dailyOf("micro-promises");
    const counted = async () =>
      (await db.client.findUniqueOrThrow({ where: { id: client.clientId }, select: { unreviewedCount: true } })).unreviewedCount;
    const direct = () => db.submission.count({ where: { clientId: client.clientId, status: "SUBMITTED", reviewedAt: null } });
    const version = async () => (await db.client.findUniqueOrThrow({ where: { id: client.clientId } })).caseloadVersion;

    await bulkSubmit(client.clientId, assignmentId, ["2026-01-02", "2026-01-03", "2026-01-04", "2026-01-05"]);
    await submitEntry(client.scope, { assignmentId, entryKey: TODAY, answers: microPromiseAnswers(), privateKeys: [], baseVersion: 0 }, NOW);
    expect(await counted()).toBe(5);

    const beforeReview = await version();
    await db.submission.updateMany({ where: { assignmentId, entryKey: { in: ["2026-01-02", "2026-01-03"] } }, data: { reviewedAt: NOW } });
    // Reviewing changes nothing a caseload row shows.
    expect(await version()).toBe(beforeReview);
    expect({ counted: await counted(), direct: await direct() }).toEqual({ counted: 3, direct: 3 });
    await db.submission.updateMany({ where: { assignmentId, entryKey: "2026-01-03" }, data: { reviewedAt: null } });
    expect(await counted()).toBe(4);
    await db.submission.deleteMany({ where: { assignmentId, entryKey: "2026-01-04" } });
    expect(await counted()).toBe(3);
    expect(await counted()).toBe(await direct());

    // The badge's count sums these over the therapist's clients.
    expect(await countUnreviewed(therapist)).toBe(
      await db.submission.count({ where: { status: "SUBMITTED", reviewedAt: null, client: { therapistId: therapist.therapistId } } }),
    );
  });
});

describe("weekly measurement totals", () => {
  /** What MeasurementWeek should hold for a client, straight from Measurement. */
  async function weeksFromMeasurements(clientId: string) {
    return db.$queryRaw<{ metric: string; week: string; total: number; count: number }[]>`
      SELECT "metric", to_char(date_trunc('week', "recordedOn"::timestamp), 'YYYY-MM-DD') AS "week",
        sum("value")::float8 AS "total", count(*)::int AS "count"
      FROM "Measurement" WHERE "clientId" = ${clientId} GROUP BY 1, 2 ORDER BY 1, 2`;
  }
  async function storedWeeks(clientId: string) {
    return db.$queryRaw<{ metric: string; week: string; total: number; count: number }[]>`
      SELECT "metric", to_char("weekStart", 'YYYY-MM-DD') AS "week", "total"::float8 AS "total", "count"
      FROM "MeasurementWeek" WHERE "clientId" = ${clientId} ORDER BY 1, 2`;
  }

  it("add up each week's check-ins, Monday to Sunday across the year end, and follow deletions", async () => {
    const { client, assignmentId } = await dailyOf("weekly-trust-check-in");
    // Sunday 4 January closes the week that began on Monday 29 December 2025.
    const entries: [LocalDate, number][] = [["2025-12-28", 3], ["2025-12-29", 5], ["2026-01-04", 8], ["2026-01-05", 6]];
    for (const [day, score] of entries) {
      const answers = checkInAnswers({ predictability: score, reliability: score, emotional_safety: score });
      await submitEntry(client.scope, { assignmentId, entryKey: day, answers, privateKeys: [], baseVersion: 0 }, instantOf(day, "20:00", ZONE));
    }

    const predictability = (await storedWeeks(client.clientId)).filter((row) => row.metric === "weekly-trust-check-in.predictability");
    expect(predictability).toEqual([
      { metric: "weekly-trust-check-in.predictability", week: "2025-12-22", total: 3, count: 1 },
      { metric: "weekly-trust-check-in.predictability", week: "2025-12-29", total: 13, count: 2 },
      { metric: "weekly-trust-check-in.predictability", week: "2026-01-05", total: 6, count: 1 },
    ]);
    expect(await storedWeeks(client.clientId)).toEqual(await weeksFromMeasurements(client.clientId));

    // Deleting an entry deletes its measurements (cascade), and the week follows.
    await db.submission.deleteMany({ where: { assignmentId, entryKey: "2026-01-04" } });
    expect(await storedWeeks(client.clientId)).toEqual(await weeksFromMeasurements(client.clientId));
    expect((await storedWeeks(client.clientId)).find((row) => row.metric === "weekly-trust-check-in.predictability" && row.week === "2025-12-29"))
      .toMatchObject({ total: 5, count: 1 });

    await db.measurement.deleteMany({ where: { clientId: client.clientId, recordedOn: toDbDate("2026-01-05") } });
    expect(await storedWeeks(client.clientId)).toEqual(await weeksFromMeasurements(client.clientId));
  });

  it("go with a deleted client, even with several entries in one week", async () => {
    const { client, assignmentId } = await dailyOf("weekly-trust-check-in");
    for (const day of ["2026-01-05", "2026-01-06"]) {
      await submitEntry(client.scope, { assignmentId, entryKey: day, answers: checkInAnswers(), privateKeys: [], baseVersion: 0 }, instantOf(day, "20:00", ZONE));
    }
    expect(await storedWeeks(client.clientId)).not.toEqual([]);

    await db.client.delete({ where: { id: client.clientId } });

    expect(await storedWeeks(client.clientId)).toEqual([]);
  });

  it("move a measurement between weeks when it is corrected", async () => {
    const { client, assignmentId } = await dailyOf("weekly-trust-check-in");
    await submitEntry(client.scope, { assignmentId, entryKey: TODAY, answers: checkInAnswers(), privateKeys: [], baseVersion: 0 }, NOW);

    await db.measurement.updateMany({ where: { clientId: client.clientId }, data: { recordedOn: toDbDate("2025-12-31"), value: 2 } });

    const weeks = await storedWeeks(client.clientId);
    expect(weeks.map((row) => row.week)).toEqual(weeks.map(() => "2025-12-29"));
    expect(weeks).toEqual(await weeksFromMeasurements(client.clientId));
  });
});

describe("caseload version", () => {
  const versionOf = async (clientId: string) =>
    (await db.client.findUniqueOrThrow({ where: { id: clientId }, select: { caseloadVersion: true } })).caseloadVersion;

  it("moves with every change a caseload row shows, and not with drafts or notes", async () => {
    const { client, assignmentId } = await dailyOf("micro-promises");
    let version = await versionOf(client.clientId);
    const expectBump = async (bumped: boolean) => {
      const now = await versionOf(client.clientId);
      expect(now > version, `version ${version} → ${now}`).toBe(bumped);
      version = now;
    };

    await saveDraft(client.scope, { assignmentId, entryKey: TODAY, answers: { promise: "Walk" }, privateKeys: [], baseVersion: 0 }, NOW);
    await expectBump(false);
    await db.assignment.update({ where: { id: assignmentId }, data: { note: "Small ones count." } });
    await expectBump(false);

    await submitEntry(client.scope, { assignmentId, entryKey: TODAY, answers: microPromiseAnswers(), privateKeys: [], baseVersion: 1 }, NOW);
    await expectBump(true);
    await db.assignment.update({ where: { id: assignmentId }, data: { status: "PAUSED", pausedAt: NOW } });
    await expectBump(true);
    const flag = await db.safetyFlag.create({ data: { practiceId: therapist.practiceId, clientId: client.clientId, fieldKeys: ["safe"] } });
    await expectBump(true);
    await db.safetyFlag.update({ where: { id: flag.id }, data: { acknowledgedAt: NOW, note: "Called." } });
    await expectBump(true);
    await db.flagAcknowledgement.create({
      data: { practiceId: therapist.practiceId, clientId: client.clientId, kind: "SILENT", acknowledgedById: therapist.therapistId },
    });
    await expectBump(true);
  });
});
