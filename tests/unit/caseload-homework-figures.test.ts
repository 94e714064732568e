// Adherence over the 28 days before today, overdue items and the next due
// item, from schedules and submitted (assignment, date) pairs; the search
// match; and how a stored assignment becomes the facts they need.
import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/dates/local-date";
import { toAssignmentFacts } from "@/lib/caseload/build-row";
import { homeworkFiguresOf, type AssignmentFacts } from "@/lib/caseload/homework-figures";
import { matchesSearch } from "@/lib/caseload/search";

/** Friday 20 March 2026. */
const TODAY = "2026-03-20";

const daily = (overrides: Partial<AssignmentFacts> = {}): AssignmentFacts => ({
  id: "daily",
  title: "Micro-promises",
  isLog: false,
  active: true,
  schedule: { type: "DAILY", startDate: "2026-01-01" },
  stoppedOn: null,
  ...overrides,
});

/** Submitted on every date except those listed. */
function allBut(...missing: string[]) {
  return (_assignmentId: string, date: string) => !missing.includes(date);
}
const nothing = () => false;

describe("adherence", () => {
  it("counts the 28 days before today, not today", () => {
    const figures = homeworkFiguresOf([daily()], allBut("2026-02-20", "2026-03-19", TODAY), TODAY);

    expect(figures.adherence).toEqual({ due: 28, done: 26, rate: 26 / 28 });
  });

  it("has no rate when nothing was due, and leaves logs out", () => {
    const log = daily({ id: "log", isLog: true });
    expect(homeworkFiguresOf([log], nothing, TODAY).adherence).toEqual({ due: 0, done: 0, rate: null });
    expect(homeworkFiguresOf([], nothing, TODAY).adherence).toEqual({ due: 0, done: 0, rate: null });
  });

  it("counts a paused or ended assignment up to the day it stopped", () => {
    const paused = daily({ active: false, stoppedOn: "2026-03-09" });
    // 20 Feb – 9 Mar.
    expect(homeworkFiguresOf([paused], nothing, TODAY).adherence).toEqual({ due: 18, done: 0, rate: 0 });
  });

  it("counts weekly and one-off items on their own days only", () => {
    const mondays = daily({ id: "mondays", schedule: { type: "WEEKLY", startDate: "2026-01-05", weekdays: [1] } });
    const once = daily({ id: "once", schedule: { type: "ONCE", startDate: "2026-03-01", dueDate: "2026-03-10" } });
    const figures = homeworkFiguresOf([mondays, once], (id, date) => id === "once" || date !== "2026-03-16", TODAY);

    // Mondays 23 Feb, 2, 9 and 16 Mar, plus the one-off on the 10th.
    expect(figures.adherence).toEqual({ due: 5, done: 4, rate: 0.8 });
  });
});

describe("overdue", () => {
  it("counts items due in the 7 days before today without an entry, with the newest date", () => {
    const figures = homeworkFiguresOf([daily()], allBut("2026-03-12", "2026-03-13", "2026-03-17", "2026-03-19", TODAY), TODAY);

    // The 12th is older than the window; today is not overdue yet.
    expect(figures.overdue).toEqual({ count: 3, newestDueOn: "2026-03-19" });
  });

  it("never counts logs or paused assignments", () => {
    const log = daily({ id: "log", isLog: true });
    const paused = daily({ id: "paused", active: false, stoppedOn: "2026-03-18" });

    expect(homeworkFiguresOf([log, paused], nothing, TODAY).overdue).toEqual({ count: 0, newestDueOn: null });
  });
});

describe("next due", () => {
  it("is today's item until it is done, then the next one", () => {
    expect(homeworkFiguresOf([daily()], nothing, TODAY).nextDue).toEqual({ title: "Micro-promises", date: TODAY });
    expect(homeworkFiguresOf([daily()], allBut("2026-03-21"), TODAY).nextDue).toEqual({ title: "Micro-promises", date: "2026-03-21" });
  });

  it("prefers homework with a deadline to a log, and the earliest date", () => {
    const log = daily({ id: "log", title: "Trigger log", isLog: true });
    const monday = daily({ id: "monday", title: "Check-in", schedule: { type: "WEEKLY", startDate: "2026-01-05", weekdays: [1] } });
    const once = daily({ id: "once", title: "Letter", schedule: { type: "ONCE", startDate: TODAY, dueDate: "2026-03-25" } });

    expect(homeworkFiguresOf([log, once, monday], nothing, TODAY).nextDue).toEqual({ title: "Check-in", date: "2026-03-23" });
    expect(homeworkFiguresOf([log], nothing, TODAY).nextDue).toEqual({ title: "Trigger log", date: TODAY });
  });

  it("is nothing when no active item falls due within a month", () => {
    const later = daily({ schedule: { type: "ONCE", startDate: TODAY, dueDate: addDays(TODAY, 45) } });
    const paused = daily({ active: false, stoppedOn: "2026-03-01" });

    expect(homeworkFiguresOf([later, paused], nothing, TODAY).nextDue).toBeNull();
  });
});

describe("matchesSearch", () => {
  it("matches part of a name, ignoring case, accents and surrounding spaces", () => {
    expect(matchesSearch("Zoë Martín", "zoe")).toBe(true);
    expect(matchesSearch("Zoë Martín", "  MARTIN ")).toBe(true);
    expect(matchesSearch("Zoë Martín", "")).toBe(true);
    expect(matchesSearch("Zoë Martín", "sam")).toBe(false);
  });
});

describe("toAssignmentFacts", () => {
  const stored = {
    id: "a1",
    clientId: "c1",
    status: "ACTIVE" as const,
    pausedAt: null,
    endedAt: null,
    scheduleType: "DAILY_FOR_N_DAYS" as const,
    startDate: new Date("2026-03-01T00:00:00Z"),
    dueDate: null,
    endDate: null,
    weekdays: [],
    dayCount: 30,
    title: "30-day micro-promises",
    allowsMultiplePerDay: false,
    submittedOffsets: [],
  };

  it("dates the schedule in the client's calendar", () => {
    expect(toAssignmentFacts(stored, "Asia/Tokyo")).toEqual({
      id: "a1",
      title: "30-day micro-promises",
      isLog: false,
      active: true,
      schedule: { type: "DAILY_FOR_N_DAYS", startDate: "2026-03-01", dueDate: null, endDate: null, weekdays: [], dayCount: 30 },
      stoppedOn: null,
    });
  });

  it("stops a paused-then-ended assignment on the client's day of the pause", () => {
    const ended = { ...stored, status: "ENDED" as const, pausedAt: new Date("2026-03-10T16:00:00Z"), endedAt: new Date("2026-03-15T09:00:00Z") };

    // 16:00 UTC on the 10th is already the 11th in Tokyo.
    expect(toAssignmentFacts(ended, "Asia/Tokyo")).toMatchObject({ active: false, stoppedOn: "2026-03-11" });
    expect(toAssignmentFacts(ended, "America/New_York")).toMatchObject({ active: false, stoppedOn: "2026-03-10" });
  });
});
