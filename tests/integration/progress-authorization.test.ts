// Who may read which chart: a therapist only their own clients', a client
// only their own (even with a partner on the same caseload), the couple view
// only for the caller's own pair, and no private answer reaches any chart.
import { beforeAll, describe, expect, it } from "vitest";
import type { TherapistScope } from "@/lib/clients/scope";
import { db } from "@/lib/db";
import { instantOf } from "@/lib/dates/local-date";
import { linkPartners } from "@/lib/clients/link-partners";
import { getAdherenceByWeek } from "@/lib/progress/get-adherence-by-week";
import { getCheckInSeries } from "@/lib/progress/get-check-in-series";
import { getCoupleCheckIns } from "@/lib/progress/get-couple-check-ins";
import { getMeasureTotals } from "@/lib/progress/get-measure-totals";
import { getPromiseStats } from "@/lib/progress/get-promise-stats";
import { getSelfCheckSeries } from "@/lib/progress/get-self-check-series";
import { getTriggerLogStats } from "@/lib/progress/get-trigger-log-stats";
import { clientViewer, therapistViewer, type ProgressViewer } from "@/lib/progress/viewer";
import { assignBuiltIn, createClientIn, rejection } from "@/tests/support/homework-fixtures";
import { createTherapist } from "@/tests/support/integration-fixtures";

const ZONE = "Europe/London";
const NOW = instantOf("2026-01-14", "12:00", ZONE);
const START = "2026-01-05";
const CREATED = instantOf(START, "09:00", ZONE);
const MARKER = "PRIVATE-MARKER-7f3a9c";
const SHARED_TEXT = "SHARED-TEXT-MARKER-b81e";

let therapistA: TherapistScope;
let therapistB: TherapistScope;

beforeAll(async () => {
  therapistA = (await createTherapist()).scope;
  therapistB = (await createTherapist()).scope;
});

type Client = Awaited<ReturnType<typeof createClientIn>>;

/**
 * One of every kind of entry the charts read, on 12 January, each value
 * offset by `base` so two clients' numbers can be told apart. Every entry
 * carries a private-answer marker and free shared text.
 */
async function seed(therapist: TherapistScope, client: Client, base: number) {
  const entries: [string, Record<string, number>, Record<string, unknown>][] = [
    ["weekly-trust-check-in", { predictability: base, reliability: base, emotional_safety: base, worry: base, times_checked: base }, {}],
    ["trigger-log", { intensity_before: base, intensity_after: 0 }, { evidence_or_emotion: "evidence", reassurance_needed: SHARED_TEXT }],
    ["micro-promises", { kept: 1 }, { promise: SHARED_TEXT }],
    ["phq-9", { total: base }, {}],
    ["gad-7", { total: base }, {}],
    ["signs-of-mistrust-self-check", { "signs.count": base }, {}],
  ];
  for (const [slug, metrics, answers] of entries) {
    const assignmentId = await assignBuiltIn(therapist, slug, client.clientId, { scheduleType: "DAILY", startDate: START }, CREATED);
    const { templateVersionId } = await db.assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { templateVersionId: true } });
    const submission = await db.submission.create({
      data: {
        practiceId: client.scope.practiceId,
        clientId: client.clientId,
        assignmentId,
        templateVersionId,
        dueOn: new Date("2026-01-12T00:00:00Z"),
        entryKey: slug === "trigger-log" ? "log-authz00001" : "2026-01-12",
        status: "SUBMITTED",
        answers: answers as object,
        privateAnswers: { secret: MARKER, evidence_or_emotion: MARKER },
        privateKeys: ["secret"],
        submittedAt: NOW,
      },
    });
    await db.measurement.createMany({
      data: Object.entries(metrics).map(([field, value]) => ({
        practiceId: client.scope.practiceId,
        clientId: client.clientId,
        submissionId: submission.id,
        metric: `${slug}.${field}`,
        value,
        recordedOn: new Date("2026-01-12T00:00:00Z"),
      })),
    });
  }
}

/** Every chart function for one viewer, as plain results. */
function everyChart(viewer: ProgressViewer) {
  return [
    () => getCheckInSeries(viewer, "all", NOW),
    () => getTriggerLogStats(viewer, "all", NOW),
    () => getPromiseStats(viewer, "all", NOW),
    () => getMeasureTotals(viewer, "phq-9", "all", NOW),
    () => getMeasureTotals(viewer, "gad-7", "all", NOW),
    () => getSelfCheckSeries(viewer, "all", NOW),
    () => getAdherenceByWeek(viewer, "all", NOW),
  ];
}

describe("therapist scope", () => {
  it("gives another therapist not_found for every chart of a client who is not theirs", async () => {
    const client = await createClientIn(therapistA, ZONE);
    await seed(therapistA, client, 6);

    for (const chart of everyChart(therapistViewer(therapistB, client.clientId))) {
      expect((await rejection(chart())).kind).toBe("not_found");
    }
    expect((await rejection(getCoupleCheckIns(therapistB, client.clientId, "all", NOW))).kind).toBe("not_found");
    // Right therapist id, wrong practice: still nothing.
    const crossed = therapistViewer({ therapistId: therapistA.therapistId, practiceId: therapistB.practiceId }, client.clientId);
    for (const chart of everyChart(crossed)) expect((await rejection(chart())).kind).toBe("not_found");
  });

  it("gives the client's own therapist the figures", async () => {
    const client = await createClientIn(therapistA, ZONE);
    await seed(therapistA, client, 6);
    const viewer = therapistViewer(therapistA, client.clientId);

    expect((await getCheckInSeries(viewer, "all", NOW)).weeks).toEqual([
      { week: "2026-01-12", entries: 1, predictability: 6, reliability: 6, emotionalSafety: 6, worry: 6, timesChecked: 6 },
    ]);
    expect((await getTriggerLogStats(viewer, "all", NOW)).totals).toMatchObject({ triggers: 1, meanIntensity: 6, meanDrop: 6, evidence: 1 });
  });
});

describe("client scope", () => {
  it("only ever counts the client's own rows, even when their partner on the same caseload has the same metrics", async () => {
    const me = await createClientIn(therapistA, ZONE);
    const partner = await createClientIn(therapistA, ZONE);
    const stranger = await createClientIn(therapistB, ZONE);
    await linkPartners(therapistA, me.clientId, partner.clientId);
    await seed(therapistA, me, 2);
    await seed(therapistA, partner, 9);
    await seed(therapistB, stranger, 9);
    const viewer = clientViewer(me.scope);

    const checkIns = await getCheckInSeries(viewer, "all", NOW);
    expect(checkIns.entries).toBe(1);
    expect(checkIns.weeks.map((week) => week.predictability)).toEqual([2]);
    const triggers = await getTriggerLogStats(viewer, "all", NOW);
    expect(triggers.totals).toMatchObject({ triggers: 1, meanIntensity: 2, evidence: 1 });
    const promises = await getPromiseStats(viewer, "all", NOW);
    expect([promises.entries, promises.days.length]).toEqual([1, 1]);
    expect((await getMeasureTotals(viewer, "phq-9", "all", NOW)).points.map((point) => point.total)).toEqual([2]);
    expect((await getMeasureTotals(viewer, "gad-7", "all", NOW)).points.map((point) => point.total)).toEqual([2]);
    expect((await getSelfCheckSeries(viewer, "all", NOW)).months.map((month) => month.score)).toEqual([2]);
    // Five daily assignments (the trigger log is a log and not counted) from 5 to 14 January: ten days each, one done each.
    const adherence = await getAdherenceByWeek(viewer, "all", NOW);
    expect([adherence.assigned, adherence.completed]).toEqual([50, 5]);
  });

  it("cannot be pointed at another practice", async () => {
    const me = await createClientIn(therapistA, ZONE);
    const viewer = clientViewer({ clientId: me.clientId, practiceId: therapistB.practiceId });
    for (const chart of everyChart(viewer)) expect((await rejection(chart())).kind).toBe("not_found");
  });
});

describe("getCoupleCheckIns", () => {
  it("puts both partners' weekly check-ins side by side for their therapist", async () => {
    const first = await createClientIn(therapistA, ZONE, "First Partner");
    const second = await createClientIn(therapistA, ZONE, "Second Partner");
    await linkPartners(therapistA, first.clientId, second.clientId);
    await seed(therapistA, first, 3);
    await seed(therapistA, second, 8);

    const couple = await getCoupleCheckIns(therapistA, second.clientId, "4w", NOW);

    expect(couple?.partners).toEqual([
      { clientId: second.clientId, displayName: "Second Partner", entries: 1 },
      { clientId: first.clientId, displayName: "First Partner", entries: 1 },
    ]);
    expect(couple?.weeks.map((week) => [week.week, week.first.predictability, week.second.worry])).toEqual([
      ["2025-12-22", null, null],
      ["2025-12-29", null, null],
      ["2026-01-05", null, null],
      ["2026-01-12", 8, 3],
    ]);
  });

  it("is null without a partner, and refuses a partner who is not the caller's", async () => {
    const single = await createClientIn(therapistA, ZONE);
    expect(await getCoupleCheckIns(therapistA, single.clientId, "all", NOW)).toBeNull();

    const mine = await createClientIn(therapistA, ZONE);
    const theirs = await createClientIn(therapistB, ZONE);
    await seed(therapistB, theirs, 9);
    // Only a broken record could link across caseloads; the view must still refuse it.
    await db.client.update({ where: { id: mine.clientId }, data: { partnerId: theirs.clientId } });
    expect((await rejection(getCoupleCheckIns(therapistA, mine.clientId, "all", NOW))).kind).toBe("not_found");
  });
});

describe("private answers", () => {
  it("never reach any chart, nor does free text the client shared", async () => {
    const first = await createClientIn(therapistA, ZONE);
    const second = await createClientIn(therapistA, ZONE);
    await linkPartners(therapistA, first.clientId, second.clientId);
    await seed(therapistA, first, 4);
    await seed(therapistA, second, 5);

    const outputs = [
      ...(await Promise.all(everyChart(therapistViewer(therapistA, first.clientId)).map((chart) => chart()))),
      ...(await Promise.all(everyChart(clientViewer(first.scope)).map((chart) => chart()))),
      await getCoupleCheckIns(therapistA, first.clientId, "all", NOW),
    ];
    const json = JSON.stringify(outputs);

    // The data is there (so the check is not vacuous), the private marker is not.
    expect(json).toContain('"triggers":1');
    expect(json).not.toContain(MARKER);
    expect(json).not.toContain(SHARED_TEXT);
  });
});
