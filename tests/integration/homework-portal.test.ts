// The client's home: Today / Overdue / Upcoming / Done, computed in the
// client's own calendar (Tokyo here, a day ahead of UTC at the chosen
// instants), with the 7-day overdue window and paused items hidden.
import { beforeAll, describe, expect, it } from "vitest";
import { changeAssignmentStatus } from "@/lib/assignments/change-assignment";
import type { TherapistScope } from "@/lib/clients/scope";
import { instantOf } from "@/lib/dates/local-date";
import { getPortalOverview, type HomeworkItem, type PortalOverview } from "@/lib/homework/portal-overview";
import { saveDraft } from "@/lib/homework/save-draft";
import { startLogEntry } from "@/lib/homework/start-log-entry";
import { submitEntry } from "@/lib/homework/submit-entry";
import { createTherapist } from "@/tests/support/integration-fixtures";
import {
  assignBuiltIn,
  checkInAnswers,
  createClientIn,
  microPromiseAnswers,
  triggerLogAnswers,
} from "@/tests/support/homework-fixtures";

const TOKYO = "Asia/Tokyo";
/** 09:00 on Sunday 1 March in Tokyo. */
const CREATED = new Date("2026-03-01T00:00:00Z");
/** 16:00 UTC on Tuesday 10 March = 01:00 on Wednesday 11 March in Tokyo. */
const NOW = new Date("2026-03-10T16:00:00Z");
/** Two days later: 01:00 on Friday 13 March in Tokyo. */
const LATER = new Date("2026-03-12T16:00:00Z");

const PROMISES = "30-day micro-promises";
const CHECK_IN = "Weekly trust check-in";
const ROOTS = "Roots of mistrust";
const LETTER = "Letter to my younger self";

/** [title, due date] pairs, the shape that makes lists easy to compare. */
const brief = (items: HomeworkItem[]) => items.map((item) => [item.title, item.dueOn]);

function allAssignmentIds(overview: PortalOverview): string[] {
  return [...overview.dueToday, ...overview.overdue, ...overview.upcoming].map((item) => item.assignmentId);
}

let therapist: TherapistScope;

beforeAll(async () => {
  therapist = (await createTherapist()).scope;
});

describe("getPortalOverview for a client in Tokyo", () => {
  it("sorts a daily, a weekly and a one-off item into today, overdue, upcoming and done", async () => {
    const client = await createClientIn(therapist, TOKYO);
    const daily = await assignBuiltIn(
      therapist,
      "micro-promises",
      client.clientId,
      { scheduleType: "DAILY_FOR_N_DAYS", dayCount: 30, startDate: "2026-03-01", note: "One small promise a day." },
      CREATED,
    );
    // Mondays: 2, 9 and 16 March.
    const weekly = await assignBuiltIn(
      therapist,
      "weekly-trust-check-in",
      client.clientId,
      { scheduleType: "WEEKLY", weekdays: [1], startDate: "2026-03-01" },
      CREATED,
    );
    // A one-off item is open from its start date until it is due.
    const once = await assignBuiltIn(
      therapist,
      "roots-of-mistrust",
      client.clientId,
      { scheduleType: "ONCE", startDate: "2026-03-01", dueDate: "2026-03-13" },
      CREATED,
    );
    const laterOnce = await assignBuiltIn(
      therapist,
      "letter-to-younger-self",
      client.clientId,
      { scheduleType: "ONCE", startDate: "2026-03-15", dueDate: "2026-03-20" },
      CREATED,
    );
    const paused = await assignBuiltIn(therapist, "three-good-things", client.clientId, { scheduleType: "DAILY", startDate: "2026-03-01" }, CREATED);
    await changeAssignmentStatus(therapist, paused, "pause", CREATED);

    const submittedIds: string[] = [];
    for (const day of ["2026-03-08", "2026-03-09", "2026-03-10"]) {
      const result = await submitEntry(
        client.scope,
        { assignmentId: daily, entryKey: day, answers: microPromiseAnswers(), privateKeys: [], baseVersion: 0 },
        instantOf(day, "21:00", TOKYO),
      );
      submittedIds.push(result.submissionId);
    }
    // An unfinished overdue entry.
    await saveDraft(client.scope, { assignmentId: daily, entryKey: "2026-03-07", answers: { promise: "Half done" }, privateKeys: [], baseVersion: 0 }, NOW);

    const overview = await getPortalOverview(client.scope, NOW);

    // UTC says the 10th; the client's calendar says the 11th.
    expect(overview.today).toBe("2026-03-11");
    expect(overview.dueToday).toEqual([
      {
        assignmentId: daily,
        title: PROMISES,
        note: "One small promise a day.",
        estimatedMinutes: 2,
        dueOn: "2026-03-11",
        entryKey: "2026-03-11",
        isLog: false,
        hasDraft: false,
        entriesToday: 0,
        progress: { day: 11, of: 30 },
      },
      {
        assignmentId: once,
        title: ROOTS,
        note: null,
        estimatedMinutes: 15,
        dueOn: "2026-03-13",
        entryKey: "2026-03-13",
        isLog: false,
        hasDraft: false,
        entriesToday: 0,
        progress: null,
      },
    ]);
    // The window reaches back 7 days (4–10 March): the 1st–3rd daily items and
    // Monday the 2nd's check-in are past it; submitted days are gone.
    expect(brief(overview.overdue)).toEqual([
      [PROMISES, "2026-03-04"],
      [PROMISES, "2026-03-05"],
      [PROMISES, "2026-03-06"],
      [PROMISES, "2026-03-07"],
      [CHECK_IN, "2026-03-09"],
    ]);
    expect(overview.overdue.map((item) => item.hasDraft)).toEqual([false, false, false, true, false]);
    expect(overview.overdue.find((item) => item.assignmentId === weekly)).toMatchObject({ entryKey: "2026-03-09", progress: null });
    // Coming up is for what has no card today: not tomorrow's daily item.
    expect(brief(overview.upcoming)).toEqual([
      [CHECK_IN, "2026-03-16"],
      [LETTER, "2026-03-20"],
    ]);
    expect(overview.upcoming.map((item) => item.opensOn)).toEqual(["2026-03-16", "2026-03-15"]);
    expect(overview.upcoming.find((item) => item.assignmentId === laterOnce)).toMatchObject({ entryKey: "2026-03-20", estimatedMinutes: 20 });
    expect(overview.done.map((item) => [item.submissionId, item.dueOn, item.title, item.hasFeedback])).toEqual([
      [submittedIds[2], "2026-03-10", PROMISES, false],
      [submittedIds[1], "2026-03-09", PROMISES, false],
      [submittedIds[0], "2026-03-08", PROMISES, false],
    ]);
    expect(allAssignmentIds(overview)).not.toContain(paused);

    // Submitting the overdue check-in moves it from overdue to done.
    const checkIn = await submitEntry(
      client.scope,
      { assignmentId: weekly, entryKey: "2026-03-09", answers: checkInAnswers(), privateKeys: [], baseVersion: 0 },
      NOW,
    );
    const afterSubmit = await getPortalOverview(client.scope, NOW);
    expect(afterSubmit.overdue.map((item) => item.assignmentId)).not.toContain(weekly);
    expect(afterSubmit.overdue).toHaveLength(4);
    expect(afterSubmit.done[0]).toMatchObject({ submissionId: checkIn.submissionId, dueOn: "2026-03-09", title: CHECK_IN, submittedAt: NOW });

    // Two days on, the 4th and 5th have dropped out of the window; the one-off item is still open today, its due day.
    const later = await getPortalOverview(client.scope, LATER);
    expect(later.today).toBe("2026-03-13");
    expect(brief(later.dueToday)).toEqual([
      [PROMISES, "2026-03-13"],
      [ROOTS, "2026-03-13"],
    ]);
    expect(brief(later.overdue)).toEqual([
      [PROMISES, "2026-03-06"],
      [PROMISES, "2026-03-07"],
      [PROMISES, "2026-03-11"],
      [PROMISES, "2026-03-12"],
    ]);
    expect(brief(later.upcoming)).toEqual([
      [CHECK_IN, "2026-03-16"],
      [LETTER, "2026-03-20"],
    ]);
    expect(later.upcoming.map((item) => item.opensOn)).toEqual(["2026-03-16", "2026-03-15"]);

    // Done early, the one-off item leaves today and shows under done.
    const roots = await submitEntry(
      client.scope,
      {
        assignmentId: once,
        entryKey: "2026-03-13",
        answers: { when_it_began: "Years ago", source: "the_past", source_why: "It feels old", hurtful_behaviour: "Lies", early_experiences: "Broken promises" },
        privateKeys: [],
        baseVersion: 0,
      },
      NOW,
    );
    const afterRoots = await getPortalOverview(client.scope, NOW);
    expect(afterRoots.dueToday.map((item) => item.assignmentId)).toEqual([daily]);
    expect(afterRoots.done.map((item) => item.submissionId)).toContain(roots.submissionId);
    expect(allAssignmentIds(await getPortalOverview(client.scope, LATER))).not.toContain(once);
    expect(allAssignmentIds(later)).not.toContain(paused);
  });

  it("shows a client in New York the same instant as the day before", async () => {
    const client = await createClientIn(therapist, "America/New_York");
    await assignBuiltIn(therapist, "micro-promises", client.clientId, { scheduleType: "DAILY", startDate: "2026-03-09" }, new Date("2026-03-09T15:00:00Z"));

    const overview = await getPortalOverview(client.scope, NOW);

    expect(overview.today).toBe("2026-03-10");
    expect(brief(overview.dueToday)).toEqual([[PROMISES, "2026-03-10"]]);
    expect(brief(overview.overdue)).toEqual([[PROMISES, "2026-03-09"]]);
    expect(overview.dueToday[0]?.progress).toBeNull();
  });

  it("keeps a log under today with its count of entries, never overdue or upcoming", async () => {
    const client = await createClientIn(therapist, TOKYO);
    const log = await assignBuiltIn(therapist, "trigger-log", client.clientId, { scheduleType: "DAILY", startDate: "2026-03-01" }, CREATED);

    const empty = await getPortalOverview(client.scope, NOW);
    expect(empty.dueToday).toEqual([expect.objectContaining({ assignmentId: log, isLog: true, entryKey: null, entriesToday: 0, hasDraft: false })]);
    expect(empty.overdue).toEqual([]);
    expect(empty.upcoming).toEqual([]);

    for (const time of ["08:00", "12:00"]) {
      const at = instantOf("2026-03-11", time, TOKYO);
      const entryKey = await startLogEntry(client.scope, log, at);
      await submitEntry(client.scope, { assignmentId: log, entryKey, answers: triggerLogAnswers(), privateKeys: [], baseVersion: 0 }, at);
    }
    await startLogEntry(client.scope, log, instantOf("2026-03-11", "18:00", TOKYO));

    const evening = await getPortalOverview(client.scope, instantOf("2026-03-11", "19:00", TOKYO));
    expect(evening.dueToday).toEqual([expect.objectContaining({ assignmentId: log, entriesToday: 2, hasDraft: true })]);
    expect(evening.done).toHaveLength(2);
  });

  it("shows nothing for a paused assignment, and everything again once resumed", async () => {
    const client = await createClientIn(therapist, TOKYO);
    const daily = await assignBuiltIn(therapist, "micro-promises", client.clientId, { scheduleType: "DAILY", startDate: "2026-03-01" }, CREATED);
    const weekly = await assignBuiltIn(
      therapist,
      "weekly-trust-check-in",
      client.clientId,
      { scheduleType: "WEEKLY", weekdays: [1, 3], startDate: "2026-03-01" },
      CREATED,
    );
    await changeAssignmentStatus(therapist, daily, "pause", NOW);
    await changeAssignmentStatus(therapist, weekly, "end", NOW);

    const overview = await getPortalOverview(client.scope, NOW);
    expect(overview).toEqual({ today: "2026-03-11", dueToday: [], overdue: [], upcoming: [], done: [] });

    await changeAssignmentStatus(therapist, daily, "resume", NOW);
    const resumed = await getPortalOverview(client.scope, NOW);
    expect(brief(resumed.dueToday)).toEqual([[PROMISES, "2026-03-11"]]);
    expect(allAssignmentIds(resumed)).not.toContain(weekly);
  });
});
