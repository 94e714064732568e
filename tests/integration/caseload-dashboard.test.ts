// The therapist's caseload dashboard against a real database, with fixed
// data and a fixed "now": the attention order and every figure, flag
// acknowledgements that hold until the condition comes back, isolation
// between therapists, and a query count that does not grow with clients.
import pg from "pg";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { acknowledgeCaseloadFlag } from "@/lib/caseload/acknowledge-flag";
import { getCaseload } from "@/lib/caseload/get-caseload";
import type { CaseloadRow } from "@/lib/caseload/types";
import type { TherapistScope } from "@/lib/clients/scope";
import { addDays, toDbDate, type LocalDate } from "@/lib/dates/local-date";
import { db } from "@/lib/db";
import type { ScheduleType } from "@/lib/generated/prisma/enums";
import { createActiveClient, createInvitedClient, createTherapist } from "@/tests/support/integration-fixtures";
import { createClientIn, rejection } from "@/tests/support/homework-fixtures";

/** Friday 20 March 2026, noon in London (still GMT) and 08:00 in New York. */
const NOW = new Date("2026-03-20T12:00:00Z");
const TODAY = "2026-03-20";
/** Every client "joined" well before the data starts. */
const JOINED = new Date("2026-01-05T09:00:00Z");
const LONDON = "Europe/London";
const NEW_YORK = "America/New_York";
const DAY_MS = 24 * 60 * 60 * 1000;

const PROMISES = "30-day micro-promises";
const CHECK_IN = "Weekly trust check-in";

type Version = { templateId: string; templateVersionId: string; title: string };

async function builtIn(slug: string): Promise<Version> {
  const version = await db.templateVersion.findFirstOrThrow({
    where: { template: { slug } },
    orderBy: { version: "desc" },
    select: { id: true, templateId: true, title: true },
  });
  return { templateId: version.templateId, templateVersionId: version.id, title: version.title };
}

let promises: Version;
let checkIn: Version;

beforeAll(async () => {
  [promises, checkIn] = await Promise.all([builtIn("micro-promises"), builtIn("weekly-trust-check-in")]);
});

/** An active client with a fixed joining date. */
async function client(therapist: TherapistScope, name: string, timeZone = LONDON): Promise<string> {
  const created = await createClientIn(therapist, timeZone, name);
  await db.user.update({ where: { id: created.userId }, data: { createdAt: JOINED } });
  return created.clientId;
}

async function assign(
  therapist: TherapistScope,
  clientId: string,
  version: Version,
  schedule: { scheduleType: ScheduleType; startDate: LocalDate; weekdays?: number[] },
): Promise<string> {
  const row = await db.assignment.create({
    data: {
      practiceId: therapist.practiceId,
      therapistId: therapist.therapistId,
      clientId,
      templateId: version.templateId,
      templateVersionId: version.templateVersionId,
      scheduleType: schedule.scheduleType,
      startDate: toDbDate(schedule.startDate),
      weekdays: schedule.weekdays ?? [],
      createdAt: new Date(`${schedule.startDate}T08:00:00Z`),
    },
    select: { id: true },
  });
  return row.id;
}

/** Submitted entries, each at 20:00 UTC on its due date unless given. */
async function submit(
  therapist: TherapistScope,
  clientId: string,
  assignmentId: string,
  version: Version,
  entries: { dueOn: LocalDate; submittedAt?: Date }[],
) {
  await db.submission.createMany({
    data: entries.map((entry) => ({
      practiceId: therapist.practiceId,
      clientId,
      assignmentId,
      templateVersionId: version.templateVersionId,
      dueOn: toDbDate(entry.dueOn),
      entryKey: entry.dueOn,
      status: "SUBMITTED" as const,
      submittedAt: entry.submittedAt ?? new Date(`${entry.dueOn}T20:00:00Z`),
    })),
  });
}

/** A submitted weekly check-in whose three trust items all score `score`. */
async function checkInScored(therapist: TherapistScope, clientId: string, assignmentId: string, dueOn: LocalDate, score: number) {
  const submittedAt = new Date(`${dueOn}T20:00:00Z`);
  const submission = await db.submission.create({
    data: {
      practiceId: therapist.practiceId,
      clientId,
      assignmentId,
      templateVersionId: checkIn.templateVersionId,
      dueOn: toDbDate(dueOn),
      entryKey: dueOn,
      status: "SUBMITTED",
      submittedAt,
    },
    select: { id: true },
  });
  await db.measurement.createMany({
    data: ["predictability", "reliability", "emotional_safety", "worry"].map((field) => ({
      practiceId: therapist.practiceId,
      clientId,
      submissionId: submission.id,
      metric: `weekly-trust-check-in.${field}`,
      // Worry is not part of the trust score: a wild value here must change nothing.
      value: field === "worry" ? 10 : score,
      recordedOn: toDbDate(dueOn),
      createdAt: submittedAt,
    })),
  });
}

/** Every date in [from, to] except `skip`. */
function days(from: LocalDate, to: LocalDate, skip: LocalDate[] = []): { dueOn: LocalDate }[] {
  const list: { dueOn: LocalDate }[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) if (!skip.includes(day)) list.push({ dueOn: day });
  return list;
}

/** A daily micro-promise since 1 February, done every day up to `doneUntil`. */
async function dailyPromises(therapist: TherapistScope, clientId: string, doneUntil: LocalDate, skip: LocalDate[] = []) {
  const id = await assign(therapist, clientId, promises, { scheduleType: "DAILY", startDate: "2026-02-01" });
  await submit(therapist, clientId, id, promises, days("2026-02-01", doneUntil, skip));
  return id;
}

/**
 * Five active clients, one per reason for attention, plus an invited and an
 * archived client who must not appear:
 * - Ada: an open safety flag (otherwise doing everything).
 * - Ben: weekly check-in on Mondays scoring 7, 7, 6, 5 — falling two weeks running.
 * - Cleo: daily promises, nothing since Monday 16 March — 17, 18 and 19 overdue.
 * - Dev (New York): check-in on Thursdays, last one 12 March — silent 8 days, 1 overdue.
 * - Eve: everything done, check-ins rising 5, 6, 7, 8.
 */
async function buildCaseload() {
  const { scope } = await createTherapist();
  const ada = await client(scope, "Ada Safety");
  await dailyPromises(scope, ada, "2026-03-19");
  const flag = await db.safetyFlag.create({
    data: { practiceId: scope.practiceId, clientId: ada, fieldKeys: ["afraid_or_unsafe"], raisedAt: new Date("2026-03-18T21:00:00Z") },
    select: { id: true },
  });

  const ben = await client(scope, "Ben Declining");
  const benCheckIn = await assign(scope, ben, checkIn, { scheduleType: "WEEKLY", startDate: "2026-02-02", weekdays: [1] });
  for (const [dueOn, score] of [["2026-02-23", 7], ["2026-03-02", 7], ["2026-03-09", 6], ["2026-03-16", 5]] as const) {
    await checkInScored(scope, ben, benCheckIn, dueOn, score);
  }

  const cleo = await client(scope, "Cleo Overdue");
  const cleoPromises = await dailyPromises(scope, cleo, "2026-03-16");

  const dev = await client(scope, "Dev Silent", NEW_YORK);
  const devCheckIn = await assign(scope, dev, checkIn, { scheduleType: "WEEKLY", startDate: "2026-02-05", weekdays: [4] });
  for (const dueOn of ["2026-02-26", "2026-03-05", "2026-03-12"]) await checkInScored(scope, dev, devCheckIn, dueOn, 6);

  const eve = await client(scope, "Eve Fine");
  await dailyPromises(scope, eve, "2026-03-19");
  const eveCheckIn = await assign(scope, eve, checkIn, { scheduleType: "WEEKLY", startDate: "2026-02-02", weekdays: [1] });
  for (const [dueOn, score] of [["2026-02-23", 5], ["2026-03-02", 6], ["2026-03-09", 7], ["2026-03-16", 8]] as const) {
    await checkInScored(scope, eve, eveCheckIn, dueOn, score);
  }

  await createInvitedClient(scope);
  const archived = await createActiveClient(scope);
  await db.client.update({ where: { id: archived.client.id }, data: { status: "ARCHIVED", archivedAt: NOW } });

  return { scope, ids: { ada, ben, cleo, dev, eve }, flagId: flag.id, cleoPromises, devCheckIn, benCheckIn };
}

function rowOf(rows: CaseloadRow[], clientId: string): CaseloadRow {
  const row = rows.find((candidate) => candidate.clientId === clientId);
  if (!row) throw new Error(`no row for ${clientId}`);
  return row;
}

describe("getCaseload", () => {
  let built: Awaited<ReturnType<typeof buildCaseload>>;
  beforeAll(async () => {
    built = await buildCaseload();
  });

  it("lists active clients only, most urgent first: safety, declining, 3+ overdue, silent, then the rest", async () => {
    const { rows } = await getCaseload(built.scope, { now: NOW });

    expect(rows.map((row) => [row.name, row.attentionRank])).toEqual([
      ["Ada Safety", 0],
      ["Ben Declining", 1],
      ["Cleo Overdue", 2],
      ["Dev Silent", 3],
      ["Eve Fine", 4],
    ]);
  });

  it("computes adherence over the 28 days before today, last activity, trend, flags and the next due item", async () => {
    const { rows } = await getCaseload(built.scope, { now: NOW });
    const { ada, ben, cleo, dev, eve } = built.ids;

    expect(rowOf(rows, ada)).toMatchObject({
      today: TODAY,
      adherence: { due: 28, done: 28, rate: 1 },
      lastActivityAt: new Date("2026-03-19T20:00:00Z"),
      daysSinceActivity: 1,
      trend: null,
      overdueCount: 0,
      flags: { safety: true, declining: false, overdue: 0, silentDays: null },
      safetyFlags: [{ id: built.flagId, raisedAt: new Date("2026-03-18T21:00:00Z") }],
      nextDue: { title: PROMISES, date: TODAY },
    });
    // Mondays 23 Feb – 16 Mar, all done; 7 → 7 → 6 → 5 is down (5.5 against 7) and falling two weeks running.
    expect(rowOf(rows, ben)).toMatchObject({
      adherence: { due: 4, done: 4, rate: 1 },
      lastActivityAt: new Date("2026-03-16T20:00:00Z"),
      daysSinceActivity: 4,
      trend: "down",
      flags: { safety: false, declining: true, overdue: 0, silentDays: null },
      nextDue: { title: CHECK_IN, date: "2026-03-23" },
    });
    expect(rowOf(rows, cleo)).toMatchObject({
      adherence: { due: 28, done: 25, rate: 25 / 28 },
      daysSinceActivity: 4,
      trend: null,
      overdueCount: 3,
      flags: { safety: false, declining: false, overdue: 3, silentDays: null },
      nextDue: { title: PROMISES, date: TODAY },
    });
    // New York: today is still 20 March (08:00); Thursdays 26 Feb – 19 Mar, 19 Mar missed.
    expect(rowOf(rows, dev)).toMatchObject({
      today: TODAY,
      adherence: { due: 4, done: 3, rate: 0.75 },
      lastActivityAt: new Date("2026-03-12T20:00:00Z"),
      daysSinceActivity: 8,
      trend: "flat",
      overdueCount: 1,
      flags: { safety: false, declining: false, overdue: 0, silentDays: 8 },
      nextDue: { title: CHECK_IN, date: "2026-03-26" },
    });
    // Scheduled items before logs and by date: today's promise comes before Monday's check-in.
    expect(rowOf(rows, eve)).toMatchObject({
      adherence: { due: 32, done: 32, rate: 1 },
      daysSinceActivity: 1,
      trend: "up",
      overdueCount: 0,
      flags: { safety: false, declining: false, overdue: 0, silentDays: null },
      nextDue: { title: PROMISES, date: TODAY },
    });
  });

  it("counts active clients, submissions to review and open flags across the whole caseload", async () => {
    const { counts } = await getCaseload(built.scope, { now: NOW });

    // Nothing above has been reviewed, so every submitted entry is waiting.
    const toReview = await db.submission.count({ where: { practiceId: built.scope.practiceId, status: "SUBMITTED", reviewedAt: null } });
    expect(counts).toEqual({ activeClients: 5, toReview, openFlags: 4 });
  });

  it("narrows the rows by name, accents and case aside, without changing the counts", async () => {
    await db.client.update({ where: { id: built.ids.eve }, data: { displayName: "Ève Fine" } });

    const cleo = await getCaseload(built.scope, { q: "  cLEO ", now: NOW });
    const eve = await getCaseload(built.scope, { q: "eve", now: NOW });
    const nobody = await getCaseload(built.scope, { q: "zz", now: NOW });

    expect(cleo.rows.map((row) => row.name)).toEqual(["Cleo Overdue"]);
    expect(eve.rows.map((row) => row.name)).toEqual(["Ève Fine"]);
    expect(nobody.rows).toEqual([]);
    expect(nobody.counts.activeClients).toBe(5);
    await db.client.update({ where: { id: built.ids.eve }, data: { displayName: "Eve Fine" } });
  });

  it("finds the last activity of clients quiet for longer than the recent window, from their full history", async () => {
    const { scope } = await createTherapist();
    // Nothing due in the last five weeks at all, and something due in them but submitted long ago.
    const gone = await client(scope, "Gone Quiet");
    await dailyPromises(scope, gone, "2026-02-05");
    const faded = await client(scope, "Faded Out");
    await dailyPromises(scope, faded, "2026-02-15");

    const { rows } = await getCaseload(scope, { now: NOW });

    expect(rowOf(rows, gone)).toMatchObject({ lastActivityAt: new Date("2026-02-05T20:00:00Z"), flags: { silentDays: 43 } });
    expect(rowOf(rows, faded)).toMatchObject({ lastActivityAt: new Date("2026-02-15T20:00:00Z"), flags: { silentDays: 33 } });
  });

  it("shows an empty caseload for a therapist with no active clients", async () => {
    const { scope } = await createTherapist();
    await createInvitedClient(scope);

    expect(await getCaseload(scope, { now: NOW })).toEqual({ rows: [], counts: { activeClients: 0, toReview: 0, openFlags: 0 } });
  });
});

describe("acknowledging flags", () => {
  let built: Awaited<ReturnType<typeof buildCaseload>>;
  beforeAll(async () => {
    built = await buildCaseload();
  });

  it("closes a safety flag through the safety record, with the note", async () => {
    await acknowledgeCaseloadFlag(built.scope, { kind: "SAFETY", flagId: built.flagId, note: "Called her; safety plan in place." }, NOW);

    const { rows } = await getCaseload(built.scope, { now: NOW });
    expect(rowOf(rows, built.ids.ada)).toMatchObject({ flags: { safety: false }, safetyFlags: [], attentionRank: 4 });
    expect(await db.safetyFlag.findUniqueOrThrow({ where: { id: built.flagId } })).toMatchObject({
      acknowledgedAt: NOW,
      acknowledgedById: built.scope.therapistId,
      note: "Called her; safety plan in place.",
    });
  });

  it("records the acknowledgement of a silence and quiets it until a new silence begins", async () => {
    const { dev } = built.ids;
    const before = await getCaseload(built.scope, { now: NOW });

    await acknowledgeCaseloadFlag(built.scope, { kind: "SILENT", clientId: dev, note: "Travelling, back on the 21st." }, NOW);

    expect(await db.flagAcknowledgement.findMany({ where: { clientId: dev }, select: { kind: true, note: true, acknowledgedById: true, practiceId: true, createdAt: true } })).toEqual([
      { kind: "SILENT", note: "Travelling, back on the 21st.", acknowledgedById: built.scope.therapistId, practiceId: built.scope.practiceId, createdAt: NOW },
    ]);
    const quiet = await getCaseload(built.scope, { now: NOW });
    expect(rowOf(quiet.rows, dev)).toMatchObject({ flags: { silentDays: null }, daysSinceActivity: 8, attentionRank: 4 });
    expect(quiet.counts.openFlags).toBe(before.counts.openFlags - 1);
    // Still the same silence a week later: still quiet.
    const stillQuiet = await getCaseload(built.scope, { now: new Date(NOW.getTime() + 7 * DAY_MS) });
    expect(rowOf(stillQuiet.rows, dev).flags.silentDays).toBeNull();

    // Back on the 21st (the late check-in for the 19th), then quiet again for nine days: a new silence.
    await submit(built.scope, dev, built.devCheckIn, checkIn, [{ dueOn: "2026-03-19", submittedAt: new Date("2026-03-21T15:00:00Z") }]);
    const again = await getCaseload(built.scope, { now: new Date("2026-03-30T16:00:00Z") });
    expect(rowOf(again.rows, dev).flags.silentDays).toBe(9);
  });

  it("quiets 3+ overdue until another item goes overdue", async () => {
    const { cleo } = built.ids;

    await acknowledgeCaseloadFlag(built.scope, { kind: "OVERDUE", clientId: cleo, note: "Agreed to restart on Monday." }, NOW);

    const quiet = await getCaseload(built.scope, { now: NOW });
    expect(rowOf(quiet.rows, cleo)).toMatchObject({ overdueCount: 3, flags: { overdue: 0 }, attentionRank: 4 });
    // The next morning the 20th has gone overdue too: a new item, so the flag is back.
    const nextDay = await getCaseload(built.scope, { now: new Date("2026-03-21T09:00:00Z") });
    expect(rowOf(nextDay.rows, cleo)).toMatchObject({ overdueCount: 4, flags: { overdue: 4 }, attentionRank: 2 });
  });

  it("quiets a declining check-in until another falling week", async () => {
    const { ben } = built.ids;

    await acknowledgeCaseloadFlag(built.scope, { kind: "DECLINING_CHECK_IN", clientId: ben, note: "Discussed in session." }, NOW);

    expect(rowOf((await getCaseload(built.scope, { now: NOW })).rows, ben)).toMatchObject({ trend: "down", flags: { declining: false } });
    await checkInScored(built.scope, ben, built.benCheckIn, "2026-03-23", 4);
    const later = await getCaseload(built.scope, { now: new Date("2026-03-24T12:00:00Z") });
    expect(rowOf(later.rows, ben)).toMatchObject({ flags: { declining: true }, attentionRank: 1 });
  });
});

describe("another therapist", () => {
  it("sees none of the caseload and cannot acknowledge its flags", async () => {
    const built = await buildCaseload();
    const other = await createTherapist();
    await client(other.scope, "Someone Else");

    const caseload = await getCaseload(other.scope, { now: NOW });
    expect(caseload.rows.map((row) => row.name)).toEqual(["Someone Else"]);
    expect(caseload.counts).toMatchObject({ activeClients: 1, openFlags: 0 });

    const note = "Not my client.";
    expect((await rejection(acknowledgeCaseloadFlag(other.scope, { kind: "SILENT", clientId: built.ids.dev, note }, NOW))).kind).toBe("not_found");
    expect((await rejection(acknowledgeCaseloadFlag(other.scope, { kind: "SAFETY", flagId: built.flagId, note }, NOW))).kind).toBe("not_found");
    expect(await db.flagAcknowledgement.count({ where: { clientId: built.ids.dev } })).toBe(0);
    expect((await db.safetyFlag.findUniqueOrThrow({ where: { id: built.flagId } })).acknowledgedAt).toBeNull();
  });
});

describe("query count", () => {
  const original = pg.Pool.prototype.query;
  afterEach(() => {
    pg.Pool.prototype.query = original;
  });

  /**
   * The SQL statements `run` sends. Prisma's pg adapter sends every query
   * outside a transaction through Pool#query (getCaseload opens none), so
   * wrapping it counts them without a database extension.
   */
  async function statementsOf(run: () => Promise<unknown>): Promise<string[]> {
    const statements: string[] = [];
    pg.Pool.prototype.query = function (this: pg.Pool, ...args: unknown[]) {
      const [query] = args;
      statements.push(typeof query === "string" ? query : String((query as { text?: string }).text));
      return (original as (...inner: unknown[]) => unknown).apply(this, args);
    } as typeof original;
    await run();
    pg.Pool.prototype.query = original;
    return statements;
  }

  async function caseloadOf(size: number) {
    const { scope } = await createTherapist();
    for (let index = 0; index < size; index++) {
      const id = await client(scope, `Client ${index}`);
      await dailyPromises(scope, id, "2026-03-19", index % 2 ? ["2026-03-18"] : []);
      const weekly = await assign(scope, id, checkIn, { scheduleType: "WEEKLY", startDate: "2026-02-02", weekdays: [1] });
      await checkInScored(scope, id, weekly, "2026-03-16", 6);
    }
    return scope;
  }

  it("makes the same six queries for 2 clients as for 10, reading summaries rather than every entry", async () => {
    const [small, large] = [await caseloadOf(2), await caseloadOf(10)];

    const forSmall = await statementsOf(() => getCaseload(small, { now: NOW }));
    const forLarge = await statementsOf(() => getCaseload(large, { now: NOW }));

    expect(forSmall).toHaveLength(6);
    expect(forLarge).toHaveLength(forSmall.length);
    // Summaries only: nothing reads submissions or measurements.
    expect(forLarge.filter((sql) => /"Submission"/.test(sql))).toEqual([]);
    expect(forLarge.filter((sql) => /"Measurement"/.test(sql))).toEqual([]);
  });

  it("reuses computed rows until something on them changes", async () => {
    const scope = await caseloadOf(3);
    const first = await getCaseload(scope, { now: NOW });

    const again = await statementsOf(() => getCaseload(scope, { now: NOW }));
    expect(again).toHaveLength(2);
    expect(await getCaseload(scope, { now: NOW })).toEqual(first);

    // A new check-in for one client: rows are computed again (four more
    // queries) and show the new entry; the others are as they were.
    const changed = first.rows[0]!.clientId;
    const weekly = await db.assignment.findFirstOrThrow({ where: { clientId: changed, scheduleType: "WEEKLY" }, select: { id: true } });
    await checkInScored(scope, changed, weekly.id, "2026-03-19", 9);
    const statements = await statementsOf(() => getCaseload(scope, { now: NOW }));
    expect(statements).toHaveLength(6);
    const after = await getCaseload(scope, { now: NOW });
    expect(rowOf(after.rows, changed).lastActivityAt).toEqual(new Date("2026-03-19T20:00:00Z"));
    for (const row of after.rows.filter((row) => row.clientId !== changed)) {
      expect(row).toEqual(rowOf(first.rows, row.clientId));
    }

    // The next day every row is worked out again.
    expect(await statementsOf(() => getCaseload(scope, { now: new Date(NOW.getTime() + DAY_MS) }))).toHaveLength(6);
  });

  it("makes two queries for a therapist without active clients", async () => {
    const { scope } = await createTherapist();

    expect(await statementsOf(() => getCaseload(scope, { now: NOW }))).toHaveLength(2);
  });
});
