// Every progress aggregation against hand-computed figures on small, fixed
// data inserted straight into the tables (so the dates are exactly the ones
// written here): weeks that cross a year end, missing weeks, time zones,
// streaks, evidence/emotion shares, intensity drops and weekly adherence.
//
// Missing periods: a week (or month) inside the range with no entry is
// PRESENT in the series with null means and zero counts; periods before the
// first entry are absent only for the "all" range. Days without an entry are
// ABSENT from the promise calendar and the PHQ-9 / GAD-7 points.
import { beforeAll, describe, expect, it } from "vitest";
import type { TherapistScope } from "@/lib/clients/scope";
import { db } from "@/lib/db";
import { instantOf } from "@/lib/dates/local-date";
import { describeChange } from "@/lib/progress/describe-change";
import { getAdherenceByWeek } from "@/lib/progress/get-adherence-by-week";
import { getCheckInSeries } from "@/lib/progress/get-check-in-series";
import { getMeasureTotals } from "@/lib/progress/get-measure-totals";
import { getPromiseStats } from "@/lib/progress/get-promise-stats";
import { getSelfCheckSeries } from "@/lib/progress/get-self-check-series";
import { getTriggerLogStats } from "@/lib/progress/get-trigger-log-stats";
import { therapistViewer } from "@/lib/progress/viewer";
import { duplicateTemplate } from "@/lib/templates/duplicate-template";
import { assign, assignBuiltIn, createClientIn, templateIdOf } from "@/tests/support/homework-fixtures";
import { createTherapist } from "@/tests/support/integration-fixtures";

const LONDON = "Europe/London";
const CHECK_IN = "weekly-trust-check-in";

let therapist: TherapistScope;

beforeAll(async () => {
  therapist = (await createTherapist()).scope;
});

type Client = Awaited<ReturnType<typeof createClientIn>>;

/** A submitted (or draft) entry with its measurements, dated exactly as given. */
async function entry(
  client: Client,
  assignmentId: string,
  dueOn: string,
  metrics: Record<string, number>,
  options: { answers?: Record<string, unknown>; privateAnswers?: Record<string, unknown>; status?: "DRAFT" | "SUBMITTED"; entryKey?: string } = {},
) {
  const assignment = await db.assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { templateVersionId: true } });
  const status = options.status ?? "SUBMITTED";
  const submission = await db.submission.create({
    data: {
      practiceId: client.scope.practiceId,
      clientId: client.clientId,
      assignmentId,
      templateVersionId: assignment.templateVersionId,
      dueOn: new Date(`${dueOn}T00:00:00Z`),
      entryKey: options.entryKey ?? dueOn,
      status,
      answers: (options.answers ?? {}) as object,
      privateAnswers: (options.privateAnswers ?? {}) as object,
      submittedAt: status === "SUBMITTED" ? new Date() : null,
    },
  });
  await db.measurement.createMany({
    data: Object.entries(metrics).map(([metric, value]) => ({
      practiceId: client.scope.practiceId,
      clientId: client.clientId,
      submissionId: submission.id,
      metric,
      value,
      recordedOn: new Date(`${dueOn}T00:00:00Z`),
    })),
  });
  return submission.id;
}

const checkIn = (p: number, r: number, e: number, w: number, t: number) => ({
  [`${CHECK_IN}.predictability`]: p,
  [`${CHECK_IN}.reliability`]: r,
  [`${CHECK_IN}.emotional_safety`]: e,
  [`${CHECK_IN}.worry`]: w,
  [`${CHECK_IN}.times_checked`]: t,
});

const nullWeek = { entries: 0, predictability: null, reliability: null, emotionalSafety: null, worry: null, timesChecked: null };

async function clientWith(slug: string, timeZone = LONDON, startDate = "2025-10-01") {
  const client = await createClientIn(therapist, timeZone);
  const assignmentId = await assignBuiltIn(therapist, slug, client.clientId, { scheduleType: "DAILY", startDate }, instantOf(startDate, "09:00", timeZone));
  return { client, assignmentId, viewer: therapistViewer(therapist, client.clientId) };
}

describe("getCheckInSeries", () => {
  // Wednesday 14 January 2026: this week starts Monday 12 January.
  const NOW = instantOf("2026-01-14", "12:00", LONDON);

  it("averages per Monday week across the year end, keeps missing weeks as nulls, and words the change against four weeks earlier", async () => {
    const { client, assignmentId, viewer } = await clientWith(CHECK_IN);
    await entry(client, assignmentId, "2025-11-24", checkIn(2, 3, 4, 8, 10));
    await entry(client, assignmentId, "2025-12-15", checkIn(4, 4, 4, 7, 6));
    // Wednesday 31 December and Thursday 1 January share the week of Monday 29 December.
    await entry(client, assignmentId, "2025-12-31", checkIn(5, 5, 5, 6, 4));
    await entry(client, assignmentId, "2026-01-01", checkIn(7, 6, 6, 5, 2));
    await entry(client, assignmentId, "2026-01-13", checkIn(6, 7, 6, 4, 1));

    const fourWeeks = await getCheckInSeries(viewer, "4w", NOW);

    expect(fourWeeks.from).toBe("2025-12-22");
    expect(fourWeeks.today).toBe("2026-01-14");
    expect(fourWeeks.entries).toBe(3);
    expect(fourWeeks.weeks).toEqual([
      { week: "2025-12-22", ...nullWeek },
      { week: "2025-12-29", entries: 2, predictability: 6, reliability: 5.5, emotionalSafety: 5.5, worry: 5.5, timesChecked: 3 },
      { week: "2026-01-05", ...nullWeek },
      { week: "2026-01-12", entries: 1, predictability: 6, reliability: 7, emotionalSafety: 6, worry: 4, timesChecked: 1 },
    ]);
    // The comparison week (15 December) lies before the 4-week range and still counts.
    expect(fourWeeks.changes.map((change) => [change.key, change.latest, change.latestWeek, change.earlier, change.earlierWeek])).toEqual([
      ["predictability", 6, "2026-01-12", 4, "2025-12-15"],
      ["reliability", 7, "2026-01-12", 4, "2025-12-15"],
      ["emotionalSafety", 6, "2026-01-12", 4, "2025-12-15"],
      ["worry", 4, "2026-01-12", 7, "2025-12-15"],
      ["timesChecked", 1, "2026-01-12", 6, "2025-12-15"],
    ]);
    expect(fourWeeks.changes.find((change) => change.key === "emotionalSafety")?.sentence).toBe(
      "Emotional safety rose from 4 to 6 over the last four weeks.",
    );
    expect(fourWeeks.changes.find((change) => change.key === "worry")?.sentence).toBe("Worry fell from 7 to 4 over the last four weeks.");

    const all = await getCheckInSeries(viewer, "all", NOW);
    expect(all.from).toBeNull();
    expect(all.entries).toBe(5);
    expect(all.weeks.map((week) => [week.week, week.predictability])).toEqual([
      ["2025-11-24", 2],
      ["2025-12-01", null],
      ["2025-12-08", null],
      ["2025-12-15", 4],
      ["2025-12-22", null],
      ["2025-12-29", 6],
      ["2026-01-05", null],
      ["2026-01-12", 6],
    ]);
  });

  it("covers a report's chosen days exactly: whole weeks from the first day's Monday, nothing after the last day", async () => {
    const { client, assignmentId, viewer } = await clientWith(CHECK_IN);
    await entry(client, assignmentId, "2025-12-08", checkIn(1, 1, 1, 9, 9));
    await entry(client, assignmentId, "2025-12-15", checkIn(4, 4, 4, 7, 6));
    await entry(client, assignmentId, "2025-12-31", checkIn(5, 5, 5, 6, 4));
    await entry(client, assignmentId, "2026-01-01", checkIn(7, 6, 6, 5, 2));
    await entry(client, assignmentId, "2026-01-13", checkIn(6, 7, 6, 4, 1));

    // Wednesday 17 December to Wednesday 31 December.
    const chosen = await getCheckInSeries(viewer, { from: "2025-12-17", to: "2025-12-31" }, NOW);
    expect(chosen.from).toBe("2025-12-15");
    expect(chosen.today).toBe("2025-12-31");
    expect(chosen.entries).toBe(2);
    expect(chosen.weeks.map((week) => [week.week, week.entries, week.predictability])).toEqual([
      ["2025-12-15", 1, 4],
      ["2025-12-22", 0, null],
      // 1 January shares this week but lies after the chosen end.
      ["2025-12-29", 1, 5],
    ]);
  });

  it("has no weeks for 'all' and only empty weeks for a range when nothing was recorded", async () => {
    const { viewer } = await clientWith(CHECK_IN);

    expect((await getCheckInSeries(viewer, "all", NOW)).weeks).toEqual([]);
    const twelve = await getCheckInSeries(viewer, "12w", NOW);
    expect(twelve.weeks).toHaveLength(12);
    expect(twelve.weeks[0]?.week).toBe("2025-10-27");
    expect(twelve.weeks.every((week) => week.entries === 0 && week.predictability === null)).toBe(true);
    expect(twelve.entries).toBe(0);
    expect(twelve.changes).toEqual([]);
  });

  it("compares with the newest week at least four weeks back, and says when there is nothing that old", async () => {
    const { client, assignmentId, viewer } = await clientWith(CHECK_IN);
    await entry(client, assignmentId, "2025-11-26", checkIn(5, 5, 5, 5, 5));
    await entry(client, assignmentId, "2025-12-24", checkIn(9, 9, 9, 9, 9)); // only three weeks before: not the baseline
    await entry(client, assignmentId, "2026-01-13", { [`${CHECK_IN}.predictability`]: 5, [`${CHECK_IN}.worry`]: 3 });

    const series = await getCheckInSeries(viewer, "12w", NOW);

    // Latest week: 12 January. The week of 22 December is only three weeks back; the baseline is the week of 24 November.
    const predictability = series.changes.find((change) => change.key === "predictability");
    expect(predictability).toMatchObject({ latest: 5, earlier: 5, earlierWeek: "2025-11-24" });
    expect(predictability?.sentence).toBe("Predictability held steady at 5 over the last seven weeks.");
    expect(series.changes.find((change) => change.key === "worry")?.sentence).toBe("Worry fell from 5 to 3 over the last seven weeks.");
    // A metric missing from the latest check-in reports its own newest week.
    expect(series.changes.find((change) => change.key === "reliability")).toMatchObject({ latest: 9, latestWeek: "2025-12-22", earlier: 5 });
    const lone = await clientWith(CHECK_IN);
    await entry(lone.client, lone.assignmentId, "2026-01-12", checkIn(6, 6, 6, 6, 6));
    const single = await getCheckInSeries(lone.viewer, "4w", NOW);
    expect(single.changes.find((change) => change.key === "reliability")?.sentence).toBe(
      "Reliability was 6 in the latest check-in, with nothing from four or more weeks earlier to compare it with.",
    );
  });

  it("counts 'today' and the range start in each client's own time zone", async () => {
    // 20:00 UTC on Sunday 1 March 2026 is Sunday noon in Los Angeles and Monday 05:00 in Tokyo.
    const now = new Date("2026-03-01T20:00:00Z");
    const losAngeles = await clientWith(CHECK_IN, "America/Los_Angeles", "2026-01-05");
    const tokyo = await clientWith(CHECK_IN, "Asia/Tokyo", "2026-01-05");
    for (const { client, assignmentId } of [losAngeles, tokyo]) {
      await entry(client, assignmentId, "2026-02-05", { [`${CHECK_IN}.predictability`]: 3 });
      await entry(client, assignmentId, "2026-03-02", { [`${CHECK_IN}.predictability`]: 9 });
    }

    const la = await getCheckInSeries(losAngeles.viewer, "4w", now);
    const jp = await getCheckInSeries(tokyo.viewer, "4w", now);

    expect([la.today, la.from]).toEqual(["2026-03-01", "2026-02-02"]);
    expect(la.weeks.map((week) => [week.week, week.predictability])).toEqual([
      ["2026-02-02", 3],
      ["2026-02-09", null],
      ["2026-02-16", null],
      ["2026-02-23", null],
    ]);
    expect([jp.today, jp.from]).toEqual(["2026-03-02", "2026-02-09"]);
    expect(jp.weeks.map((week) => [week.week, week.predictability])).toEqual([
      ["2026-02-09", null],
      ["2026-02-16", null],
      ["2026-02-23", null],
      ["2026-03-02", 9],
    ]);
  });
});

describe("describeChange", () => {
  it("words rises, falls and steadiness neutrally", () => {
    expect(describeChange({ label: "Emotional safety", from: 4, to: 6, weeks: 4 })).toBe("Emotional safety rose from 4 to 6 over the last four weeks.");
    expect(describeChange({ label: "Worry", from: 7.25, to: 3, weeks: 6 })).toBe("Worry fell from 7.3 to 3 over the last six weeks.");
    expect(describeChange({ label: "Worry", from: 5, to: 5.02, weeks: 4 })).toBe("Worry held steady at 5 over the last four weeks.");
    expect(describeChange({ label: "Reliability", from: 2, to: 3, weeks: 14 })).toBe("Reliability rose from 2 to 3 over the last 14 weeks.");
  });
});

describe("getTriggerLogStats", () => {
  // Wednesday 7 January 2026; the 4-week range starts Monday 15 December.
  const NOW = instantOf("2026-01-07", "12:00", LONDON);
  const intensity = (before: number, after: number) => ({ "trigger-log.intensity_before": before, "trigger-log.intensity_after": after });
  const judged = (value: string) => ({ answers: { evidence_or_emotion: value, reassurance_needed: "To know we are okay" } });

  it("counts triggers, mean intensity, mean drop and evidence vs emotion per week and for the range", async () => {
    const { client, assignmentId, viewer } = await clientWith("trigger-log");
    let n = 0;
    const log = (day: string, before: number, after: number, value: string) =>
      entry(client, assignmentId, day, intensity(before, after), { ...judged(value), entryKey: `log-entry${String(++n).padStart(4, "0")}` });
    await log("2025-12-10", 9, 9, "evidence"); // before the range
    await log("2025-12-30", 8, 3, "emotion");
    await log("2026-01-01", 6, 4, "evidence");
    await log("2026-01-02", 7, 7, "unsure");
    await log("2026-01-06", 5, 1, "emotion");
    // Neither a draft nor another exercise's answer counts as a judged trigger.
    await entry(client, assignmentId, "2026-01-06", {}, { ...judged("evidence"), status: "DRAFT", entryKey: "log-draft0001" });
    const promises = await assignBuiltIn(therapist, "micro-promises", client.clientId, { scheduleType: "DAILY", startDate: "2025-12-01" }, NOW);
    await entry(client, promises, "2026-01-05", {}, judged("evidence"));

    const stats = await getTriggerLogStats(viewer, "4w", NOW);

    expect(stats.weeks).toEqual([
      { week: "2025-12-15", triggers: 0, meanIntensity: null, meanDrop: null, evidence: 0, emotion: 0, unsure: 0 },
      { week: "2025-12-22", triggers: 0, meanIntensity: null, meanDrop: null, evidence: 0, emotion: 0, unsure: 0 },
      // (8 + 6 + 7) / 3 = 7; drops 5, 2, 0 → 2.33
      { week: "2025-12-29", triggers: 3, meanIntensity: 7, meanDrop: 2.33, evidence: 1, emotion: 1, unsure: 1 },
      { week: "2026-01-05", triggers: 1, meanIntensity: 5, meanDrop: 4, evidence: 0, emotion: 1, unsure: 0 },
    ]);
    expect(stats.totals).toEqual({
      triggers: 4,
      meanIntensity: 6.5, // 26 / 4
      meanDrop: 2.75, // 11 / 4
      evidence: 1,
      emotion: 2,
      unsure: 1,
      evidenceShare: 0.25,
      emotionShare: 0.5,
    });

    const all = await getTriggerLogStats(viewer, "all", NOW);
    expect(all.weeks[0]).toEqual({ week: "2025-12-08", triggers: 1, meanIntensity: 9, meanDrop: 0, evidence: 1, emotion: 0, unsure: 0 });
    expect(all.totals).toMatchObject({ triggers: 5, evidence: 2, emotion: 2, unsure: 1, evidenceShare: 0.4 });
  });

  it("counts a practice's edited copy of the trigger log as the trigger log", async () => {
    const client = await createClientIn(therapist, LONDON);
    const copy = await duplicateTemplate(therapist, await templateIdOf("trigger-log"));
    const [assignmentId] = await assign(
      therapist,
      { templateId: copy.templateId, clientIds: [client.clientId], scheduleType: "DAILY", startDate: "2026-01-01" },
      NOW,
    );
    await entry(client, assignmentId!, "2026-01-06", intensity(6, 2), { ...judged("evidence"), entryKey: "log-copied0001" });

    const stats = await getTriggerLogStats(therapistViewer(therapist, client.clientId), "4w", NOW);

    expect(stats.totals).toMatchObject({ triggers: 1, meanIntensity: 6, meanDrop: 4, evidence: 1, evidenceShare: 1, emotionShare: 0 });
  });

  it("is all zeros and nulls without entries", async () => {
    const { viewer } = await clientWith("trigger-log");
    const stats = await getTriggerLogStats(viewer, "all", NOW);
    expect(stats.weeks).toEqual([]);
    expect(stats.totals).toEqual({ triggers: 0, meanIntensity: null, meanDrop: null, evidence: 0, emotion: 0, unsure: 0, evidenceShare: null, emotionShare: null });
  });
});

describe("getPromiseStats", () => {
  const KEPT = "micro-promises.kept";
  const yes = { [KEPT]: 1 };
  const partly = { [KEPT]: 0.5 };
  const no = { [KEPT]: 0 };

  it("gives the weekly kept-rate, the calendar days and the streak ending yesterday when today is not logged yet", async () => {
    // Saturday 3 January 2026, evening: nothing logged today yet.
    const now = instantOf("2026-01-03", "18:00", LONDON);
    const { client, assignmentId, viewer } = await clientWith("micro-promises");
    const days: [string, Record<string, number>][] = [
      ["2025-12-01", yes], // before the 4-week range
      ["2025-12-24", no],
      ["2025-12-25", partly],
      ["2025-12-26", yes],
      ["2025-12-29", yes],
      ["2025-12-30", no],
      ["2025-12-31", yes],
      ["2026-01-01", yes],
      ["2026-01-02", yes],
    ];
    for (const [day, kept] of days) await entry(client, assignmentId, day, kept);

    const stats = await getPromiseStats(viewer, "4w", now);

    expect(stats.from).toBe("2025-12-08");
    expect(stats.weeks).toEqual([
      { week: "2025-12-08", keptRate: null, entries: 0 },
      { week: "2025-12-15", keptRate: null, entries: 0 },
      { week: "2025-12-22", keptRate: 0.5, entries: 3 }, // (0 + 0.5 + 1) / 3
      { week: "2025-12-29", keptRate: 0.8, entries: 5 }, // 4 / 5
    ]);
    expect(stats.keptRate).toBe(0.6875); // 5.5 / 8
    expect(stats.entries).toBe(8);
    expect(stats.days).toEqual([
      { date: "2025-12-24", status: "not_kept", entries: 1 },
      { date: "2025-12-25", status: "partly", entries: 1 },
      { date: "2025-12-26", status: "kept", entries: 1 },
      { date: "2025-12-29", status: "kept", entries: 1 },
      { date: "2025-12-30", status: "not_kept", entries: 1 },
      { date: "2025-12-31", status: "kept", entries: 1 },
      { date: "2026-01-01", status: "kept", entries: 1 },
      { date: "2026-01-02", status: "kept", entries: 1 },
    ]);
    // 31 December, 1 and 2 January, across the year end.
    expect(stats.currentStreak).toBe(3);
    // A day later with still nothing logged, the streak has lapsed.
    expect((await getPromiseStats(viewer, "4w", instantOf("2026-01-04", "18:00", LONDON))).currentStreak).toBe(0);
  });

  it("ends the streak on a not-kept today, on a partly day, and counts a streak that reaches today", async () => {
    const now = instantOf("2026-01-03", "20:00", LONDON);
    const run = async (entries: [string, Record<string, number>][]) => {
      const { client, assignmentId, viewer } = await clientWith("micro-promises");
      let n = 0;
      for (const [day, kept] of entries) await entry(client, assignmentId, day, kept, { entryKey: `${day}-${n++}` });
      return (await getPromiseStats(viewer, "12w", now)).currentStreak;
    };

    expect(await run([["2026-01-01", yes], ["2026-01-02", yes], ["2026-01-03", no]])).toBe(0);
    expect(await run([["2026-01-01", yes], ["2026-01-02", yes], ["2026-01-03", yes]])).toBe(3);
    expect(await run([["2026-01-01", yes], ["2026-01-02", partly]])).toBe(0);
    // Two promises on one day count as kept only when both were kept.
    expect(await run([["2026-01-01", yes], ["2026-01-02", yes], ["2026-01-02", partly]])).toBe(0);
    // A streak that began long before the range still counts in full.
    expect(
      await run(Array.from({ length: 100 }, (_, index): [string, Record<string, number>] => [new Date(Date.UTC(2025, 8, 25 + index)).toISOString().slice(0, 10), yes])),
    ).toBe(100);
  });

  it("counts today in the client's own zone", async () => {
    // Sunday 1 March 2026 20:00 UTC: still Sunday in Los Angeles, already Monday in Tokyo.
    const now = new Date("2026-03-01T20:00:00Z");
    const la = await clientWith("micro-promises", "America/Los_Angeles", "2026-02-01");
    const jp = await clientWith("micro-promises", "Asia/Tokyo", "2026-02-01");
    for (const { client, assignmentId } of [la, jp]) {
      await entry(client, assignmentId, "2026-02-27", yes);
      await entry(client, assignmentId, "2026-02-28", yes);
    }
    // Los Angeles: today is 1 March, the run ends yesterday → 2. Tokyo: today is 2 March, nothing on 1 March → 0.
    expect((await getPromiseStats(la.viewer, "4w", now)).currentStreak).toBe(2);
    expect((await getPromiseStats(jp.viewer, "4w", now)).currentStreak).toBe(0);
  });
});

describe("getMeasureTotals", () => {
  const NOW = instantOf("2026-01-07", "12:00", LONDON);

  it("gives PHQ-9 and GAD-7 totals per date with their bands, averaging two on one day", async () => {
    const { client, assignmentId, viewer } = await clientWith("phq-9");
    const gad = await assignBuiltIn(therapist, "gad-7", client.clientId, { scheduleType: "DAILY", startDate: "2025-10-01" }, instantOf("2025-10-01", "09:00", LONDON));
    await entry(client, assignmentId, "2025-11-01", { "phq-9.total": 20 });
    await entry(client, assignmentId, "2025-12-20", { "phq-9.total": 12 });
    await entry(client, assignmentId, "2026-01-05", { "phq-9.total": 7 }, { entryKey: "a" });
    await entry(client, assignmentId, "2026-01-05", { "phq-9.total": 8 }, { entryKey: "b" });
    await entry(client, gad, "2026-01-06", { "gad-7.total": 16 });

    const phq = await getMeasureTotals(viewer, "phq-9", "4w", NOW);
    expect(phq.points).toEqual([
      { date: "2025-12-20", total: 12, band: "Moderate", entries: 1 },
      { date: "2026-01-05", total: 7.5, band: "Mild", entries: 2 },
    ]);
    expect((await getMeasureTotals(viewer, "phq-9", "all", NOW)).points[0]).toEqual({ date: "2025-11-01", total: 20, band: "Severe", entries: 1 });
    expect((await getMeasureTotals(viewer, "gad-7", "4w", NOW)).points).toEqual([{ date: "2026-01-06", total: 16, band: "Severe", entries: 1 }]);
  });
});

describe("getSelfCheckSeries", () => {
  const SIGNS = "signs-of-mistrust-self-check.signs.count";

  it("averages per calendar month, keeps a month without a self-check as null, and starts the range mid-month", async () => {
    const now = instantOf("2026-02-10", "12:00", LONDON);
    const { client, assignmentId, viewer } = await clientWith("signs-of-mistrust-self-check");
    await entry(client, assignmentId, "2025-11-15", { [SIGNS]: 6 });
    await entry(client, assignmentId, "2025-11-28", { [SIGNS]: 4 });
    await entry(client, assignmentId, "2026-01-20", { [SIGNS]: 3 });
    await entry(client, assignmentId, "2026-02-02", { [SIGNS]: 2 });

    const all = await getSelfCheckSeries(viewer, "all", now);
    expect(all.months).toEqual([
      { month: "2025-11-01", score: 5, entries: 2 },
      { month: "2025-12-01", score: null, entries: 0 },
      { month: "2026-01-01", score: 3, entries: 1 },
      { month: "2026-02-01", score: 2, entries: 1 },
    ]);
    expect(all.entries).toBe(4);

    // 12 weeks back from the week of 9 February starts on 24 November: only the 28th counts for November.
    const twelve = await getSelfCheckSeries(viewer, "12w", now);
    expect(twelve.from).toBe("2025-11-24");
    expect(twelve.months[0]).toEqual({ month: "2025-11-01", score: 4, entries: 1 });
    expect(twelve.months).toHaveLength(4);
  });
});

describe("getAdherenceByWeek", () => {
  it("counts due vs done per week, leaves logs out, stops at a pause, and counts overdue items like the portal", async () => {
    const created = instantOf("2025-12-22", "09:00", LONDON);
    const client = await createClientIn(therapist, LONDON);
    const viewer = therapistViewer(therapist, client.clientId);
    const weekly = await assignBuiltIn(therapist, CHECK_IN, client.clientId, { scheduleType: "WEEKLY", startDate: "2025-12-22", weekdays: ["0"] }, created);
    const promises = await assignBuiltIn(
      therapist,
      "micro-promises",
      client.clientId,
      { scheduleType: "DAILY_FOR_N_DAYS", startDate: "2025-12-29", dayCount: 10 },
      created,
    );
    const triggers = await assignBuiltIn(therapist, "trigger-log", client.clientId, { scheduleType: "DAILY", startDate: "2025-12-22" }, created);
    await assignBuiltIn(therapist, "phq-9", client.clientId, { scheduleType: "ONCE", startDate: "2026-01-05", dueDate: "2026-01-09" }, created);
    const paused = await assignBuiltIn(therapist, "three-good-things", client.clientId, { scheduleType: "DAILY", startDate: "2026-01-05" }, created);
    await db.assignment.update({ where: { id: paused }, data: { status: "PAUSED", pausedAt: instantOf("2026-01-07", "12:00", LONDON) } });

    for (const day of ["2025-12-28", "2026-01-11"]) await entry(client, weekly, day, {});
    for (const day of ["2025-12-29", "2025-12-30", "2025-12-31", "2026-01-02", "2026-01-05", "2026-01-06"]) await entry(client, promises, day, {});
    await entry(client, triggers, "2026-01-03", {}, { entryKey: "log-ignored0001" });
    // A draft is not done.
    await entry(client, promises, "2026-01-07", {}, { status: "DRAFT" });

    const adherence = await getAdherenceByWeek(viewer, "4w", instantOf("2026-01-12", "12:00", LONDON));

    expect(adherence.weeks).toEqual([
      { week: "2025-12-22", assigned: 1, completed: 1 }, // Sunday 28 Dec check-in
      { week: "2025-12-29", assigned: 8, completed: 4 }, // check-in 4 Jan (missed) + promises 29 Dec–4 Jan (4 done)
      { week: "2026-01-05", assigned: 8, completed: 3 }, // check-in 11 Jan, promises 5–7 Jan, PHQ-9 9 Jan, paused exercise 5–7 Jan
      { week: "2026-01-12", assigned: 0, completed: 0 },
    ]);
    expect([adherence.assigned, adherence.completed]).toEqual([17, 8]);
    // Promise of 7 Jan and the PHQ-9 of 9 Jan; the paused exercise is not "overdue".
    expect(adherence.overdue).toBe(2);

    const all = await getAdherenceByWeek(viewer, "all", instantOf("2026-01-12", "12:00", LONDON));
    expect(all.weeks[0]?.week).toBe("2025-12-22");
    expect(all.weeks).toEqual(adherence.weeks);
  });

  it("is empty for 'all' when nothing was ever assigned", async () => {
    const client = await createClientIn(therapist, LONDON);
    const adherence = await getAdherenceByWeek(therapistViewer(therapist, client.clientId), "all", new Date());
    expect(adherence).toMatchObject({ weeks: [], assigned: 0, completed: 0, overdue: 0 });
  });
});
