// When homework is due, as pure functions of its schedule, and adherence
// (done / due so far) on top of that.
import { describe, expect, it } from "vitest";
import { adherenceOf } from "@/lib/assignments/adherence";
import { addDays, weekdayOf } from "@/lib/dates/local-date";
import { canWriteScheduledEntry, opensOn, OVERDUE_WINDOW_DAYS, recordedOnFor } from "@/lib/homework/entry-rules";
import { dayNumber, dueDatesBetween, isDueOn, lastDueDate, nextDueDate, type Schedule } from "@/lib/schedule/schedule";

/** Every date in [from, to]. */
function everyDay(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

describe("ONCE", () => {
  const once: Schedule = { type: "ONCE", startDate: "2026-03-02", dueDate: "2026-03-05" };

  it("is due on its due date only", () => {
    const due = everyDay("2026-02-20", "2026-03-20").filter((day) => isDueOn(once, day));

    expect(due).toEqual(["2026-03-05"]);
    expect(lastDueDate(once)).toBe("2026-03-05");
    expect(dueDatesBetween(once, "2026-01-01", "2026-12-31")).toEqual(["2026-03-05"]);
    expect(dueDatesBetween(once, "2026-03-06", "2026-12-31")).toEqual([]);
    expect(dueDatesBetween(once, "2026-01-01", "2026-03-04")).toEqual([]);
  });

  it("is next due on the due date until it has passed", () => {
    expect(nextDueDate(once, "2026-03-02")).toBe("2026-03-05");
    expect(nextDueDate(once, "2026-03-05")).toBe("2026-03-05");
    expect(nextDueDate(once, "2026-03-06")).toBeNull();
    // Beyond the look-ahead horizon there is nothing "next" yet.
    expect(nextDueDate(once, "2026-02-01", 14)).toBeNull();
    expect(nextDueDate(once, "2026-02-01", 40)).toBe("2026-03-05");
  });
});

describe("DAILY", () => {
  const daily: Schedule = { type: "DAILY", startDate: "2026-03-02", endDate: "2026-03-06" };

  it("is due every day from start to end date, inclusive, and not outside", () => {
    expect(dueDatesBetween(daily, "2026-02-20", "2026-03-20")).toEqual([
      "2026-03-02",
      "2026-03-03",
      "2026-03-04",
      "2026-03-05",
      "2026-03-06",
    ]);
    expect(isDueOn(daily, "2026-03-01")).toBe(false);
    expect(isDueOn(daily, "2026-03-02")).toBe(true);
    expect(isDueOn(daily, "2026-03-06")).toBe(true);
    expect(isDueOn(daily, "2026-03-07")).toBe(false);
    expect(lastDueDate(daily)).toBe("2026-03-06");
  });

  it("finds the next due date from before, inside and after the range", () => {
    expect(nextDueDate(daily, "2026-02-25")).toBe("2026-03-02");
    expect(nextDueDate(daily, "2026-03-04")).toBe("2026-03-04");
    expect(nextDueDate(daily, "2026-03-07")).toBeNull();
  });

  it("runs until the window's end when it has no end date", () => {
    const open: Schedule = { type: "DAILY", startDate: "2026-03-02" };

    expect(lastDueDate(open)).toBeNull();
    expect(dueDatesBetween(open, "2026-12-30", "2027-01-02")).toEqual(["2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02"]);
    expect(nextDueDate(open, "2030-06-01")).toBe("2030-06-01");
  });
});

describe("WEEKLY", () => {
  // 2026-03-01 is a Sunday. Mondays (1) and Thursdays (4).
  const weekly: Schedule = { type: "WEEKLY", startDate: "2026-03-01", weekdays: [1, 4] };

  it("is due on the chosen weekdays only, none outside", () => {
    const march = everyDay("2026-03-01", "2026-03-31");
    const due = dueDatesBetween(weekly, "2026-03-01", "2026-03-31");

    expect(due).toEqual([
      "2026-03-02",
      "2026-03-05",
      "2026-03-09",
      "2026-03-12",
      "2026-03-16",
      "2026-03-19",
      "2026-03-23",
      "2026-03-26",
      "2026-03-30",
    ]);
    expect(due.every((day) => [1, 4].includes(weekdayOf(day)))).toBe(true);
    for (const day of march) expect(isDueOn(weekly, day)).toBe(due.includes(day));
  });

  it("ignores chosen weekdays before the start and after the end date", () => {
    const bounded: Schedule = { ...weekly, startDate: "2026-03-03", endDate: "2026-03-16" };

    expect(isDueOn(bounded, "2026-03-02")).toBe(false);
    expect(dueDatesBetween(bounded, "2026-02-01", "2026-04-30")).toEqual(["2026-03-05", "2026-03-09", "2026-03-12", "2026-03-16"]);
    expect(lastDueDate(bounded)).toBe("2026-03-16");
    expect(nextDueDate(bounded, "2026-03-13")).toBe("2026-03-16");
    expect(nextDueDate(bounded, "2026-03-17")).toBeNull();
  });

  it("is next due on the following chosen weekday", () => {
    expect(nextDueDate(weekly, "2026-03-06")).toBe("2026-03-09");
    expect(nextDueDate(weekly, "2026-03-05")).toBe("2026-03-05");
    // A schedule with no weekdays is never due.
    expect(dueDatesBetween({ ...weekly, weekdays: [] }, "2026-03-01", "2026-03-31")).toEqual([]);
  });
});

describe("DAILY_FOR_N_DAYS", () => {
  // Crosses the end of February and New York's spring-forward day.
  const thirty: Schedule = { type: "DAILY_FOR_N_DAYS", startDate: "2026-02-15", dayCount: 30 };

  it("is due on exactly N consecutive dates, the last being start + N - 1", () => {
    const due = dueDatesBetween(thirty, "2026-01-01", "2026-06-30");

    expect(due).toHaveLength(30);
    expect(new Set(due).size).toBe(30);
    expect(due[0]).toBe("2026-02-15");
    expect(due.at(-1)).toBe("2026-03-16");
    expect(lastDueDate(thirty)).toBe(addDays("2026-02-15", 29));
    expect(lastDueDate(thirty)).toBe("2026-03-16");
    expect(due).toEqual(everyDay("2026-02-15", "2026-03-16"));
    expect(isDueOn(thirty, "2026-02-14")).toBe(false);
    expect(isDueOn(thirty, "2026-03-17")).toBe(false);
    expect(nextDueDate(thirty, "2026-03-17")).toBeNull();
  });

  it("counts days for 'day 12 of 30'", () => {
    expect(dayNumber(thirty, "2026-02-15")).toBe(1);
    expect(dayNumber(thirty, "2026-02-26")).toBe(12);
    expect(dayNumber(thirty, "2026-03-16")).toBe(30);
  });

  it("with N = 1 is due on the start date only", () => {
    const one: Schedule = { type: "DAILY_FOR_N_DAYS", startDate: "2026-03-08", dayCount: 1 };

    expect(dueDatesBetween(one, "2026-03-01", "2026-03-31")).toEqual(["2026-03-08"]);
    expect(lastDueDate(one)).toBe("2026-03-08");
  });
});

describe("adherenceOf", () => {
  const daily: Schedule = { type: "DAILY", startDate: "2026-03-02" };

  it("counts due dates up to today and the submitted ones among them", () => {
    // Submissions before the start or after today do not count as done.
    const submitted = ["2026-03-01", "2026-03-02", "2026-03-04", "2026-03-09"];

    expect(adherenceOf(daily, submitted, "2026-03-05", null)).toEqual({ due: 4, done: 2 });
    expect(adherenceOf(daily, [], "2026-03-05", null)).toEqual({ due: 4, done: 0 });
    // Nothing is due before the start.
    expect(adherenceOf(daily, ["2026-02-28"], "2026-02-28", null)).toEqual({ due: 0, done: 0 });
  });

  it("stops counting at the day the assignment was paused or ended", () => {
    const submitted = ["2026-03-02", "2026-03-03", "2026-03-06"];

    expect(adherenceOf(daily, submitted, "2026-03-10", "2026-03-03")).toEqual({ due: 2, done: 2 });
    expect(adherenceOf(daily, submitted, "2026-03-10", "2026-03-06")).toEqual({ due: 5, done: 3 });
    // A stop day after today changes nothing.
    expect(adherenceOf(daily, submitted, "2026-03-04", "2026-03-20")).toEqual({ due: 3, done: 2 });
  });

  it("counts only scheduled days for weekly and N-day schedules", () => {
    const weekly: Schedule = { type: "WEEKLY", startDate: "2026-03-01", weekdays: [1, 4] };
    // 03-03 is a Tuesday: not a due day, so it does not count as done.
    expect(adherenceOf(weekly, ["2026-03-02", "2026-03-03"], "2026-03-12", null)).toEqual({ due: 4, done: 1 });

    const tracker: Schedule = { type: "DAILY_FOR_N_DAYS", startDate: "2026-03-01", dayCount: 3 };
    expect(adherenceOf(tracker, ["2026-03-01", "2026-03-03"], "2026-03-30", null)).toEqual({ due: 3, done: 2 });
  });

  it("counts a one-off item only once its due date has come", () => {
    const once: Schedule = { type: "ONCE", startDate: "2026-03-01", dueDate: "2026-03-05" };

    expect(adherenceOf(once, [], "2026-03-04", null)).toEqual({ due: 0, done: 0 });
    expect(adherenceOf(once, [], "2026-03-05", null)).toEqual({ due: 1, done: 0 });
    expect(adherenceOf(once, ["2026-03-05"], "2026-03-08", null)).toEqual({ due: 1, done: 1 });
  });
});

describe("canWriteScheduledEntry", () => {
  const daily: Schedule = { type: "DAILY", startDate: "2026-03-01" };

  it("allows today and the overdue window, never the future or older days", () => {
    const today = "2026-03-20";

    expect(canWriteScheduledEntry(daily, today, today)).toBe(true);
    expect(canWriteScheduledEntry(daily, addDays(today, -OVERDUE_WINDOW_DAYS), today)).toBe(true);
    expect(canWriteScheduledEntry(daily, addDays(today, -OVERDUE_WINDOW_DAYS - 1), today)).toBe(false);
    expect(canWriteScheduledEntry(daily, addDays(today, 1), today)).toBe(false);
    expect(canWriteScheduledEntry(daily, "2026-02-30", today)).toBe(false);
    expect(canWriteScheduledEntry({ type: "WEEKLY", startDate: "2026-03-01", weekdays: [1] }, "2026-03-17", today)).toBe(false);
  });
});

describe("one-off items open early", () => {
  const once: Schedule = { type: "ONCE", startDate: "2026-03-02", dueDate: "2026-03-05" };

  it("can be written from the start date until the overdue window closes, keyed by the due date only", () => {
    expect(opensOn(once, "2026-03-05")).toBe("2026-03-02");
    expect(canWriteScheduledEntry(once, "2026-03-05", "2026-03-01")).toBe(false);
    expect(canWriteScheduledEntry(once, "2026-03-05", "2026-03-02")).toBe(true);
    expect(canWriteScheduledEntry(once, "2026-03-05", "2026-03-05")).toBe(true);
    expect(canWriteScheduledEntry(once, "2026-03-05", addDays("2026-03-05", OVERDUE_WINDOW_DAYS))).toBe(true);
    expect(canWriteScheduledEntry(once, "2026-03-05", addDays("2026-03-05", OVERDUE_WINDOW_DAYS + 1))).toBe(false);
    // Only the due date is an entry of a one-off item.
    expect(canWriteScheduledEntry(once, "2026-03-03", "2026-03-03")).toBe(false);
  });

  it("recurring items open on their own day", () => {
    expect(opensOn({ type: "DAILY", startDate: "2026-03-01" }, "2026-03-09")).toBe("2026-03-09");
    expect(opensOn({ type: "WEEKLY", startDate: "2026-03-01", weekdays: [1] }, "2026-03-09")).toBe("2026-03-09");
  });

  it("date measurements by the due day, or the day done when that came first", () => {
    expect(recordedOnFor("2026-03-05", "2026-03-08")).toBe("2026-03-05");
    expect(recordedOnFor("2026-03-05", "2026-03-05")).toBe("2026-03-05");
    expect(recordedOnFor("2026-03-05", "2026-03-03")).toBe("2026-03-03");
  });
});
