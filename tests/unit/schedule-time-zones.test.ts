// The client's calendar: what "today" is in their zone, and that daily
// homework lands on each calendar day exactly once across daylight-saving
// changes (a 23-hour and a 25-hour day must still be one day each).
import { describe, expect, it } from "vitest";
import { addDays, daysBetween, instantOf, todayIn, weekdayOf } from "@/lib/dates/local-date";
import { dueDatesBetween, isDueOn, type Schedule } from "@/lib/schedule/schedule";

const HOUR = 60 * 60 * 1000;
const SECOND = 1000;

const iso = (value: string) => new Date(value);

describe("todayIn", () => {
  it("gives Tokyo and New York different dates at the same instant around midnight UTC", () => {
    // 23:30 UTC: already 08:30 tomorrow in Tokyo, still 19:30 today in New York.
    const lateUtc = iso("2026-03-10T23:30:00Z");
    expect(todayIn("Asia/Tokyo", lateUtc)).toBe("2026-03-11");
    expect(todayIn("America/New_York", lateUtc)).toBe("2026-03-10");

    // 00:30 UTC: 09:30 in Tokyo, but 20:30 of the day before in New York.
    const earlyUtc = iso("2026-03-11T00:30:00Z");
    expect(todayIn("Asia/Tokyo", earlyUtc)).toBe("2026-03-11");
    expect(todayIn("America/New_York", earlyUtc)).toBe("2026-03-10");
    expect(todayIn("UTC", earlyUtc)).toBe("2026-03-11");

    // Tokyo (UTC+9) turns the date at 15:00 UTC.
    expect(todayIn("Asia/Tokyo", iso("2026-03-10T14:59:59Z"))).toBe("2026-03-10");
    expect(todayIn("Asia/Tokyo", iso("2026-03-10T15:00:00Z"))).toBe("2026-03-11");
  });

  it("pads month and day (the YYYY-MM-DD shape every comparison relies on)", () => {
    expect(todayIn("Asia/Tokyo", iso("2026-01-04T01:00:00Z"))).toBe("2026-01-04");
    expect(todayIn("America/New_York", iso("2026-01-01T04:59:00Z"))).toBe("2025-12-31");
  });
});

type DstCase = {
  zone: string;
  day: string;
  /** Local midnight at the start of `day`, and at the start of the next day, as UTC instants. */
  midnight: string;
  nextMidnight: string;
  hours: number;
};

const dstCases: DstCase[] = [
  // Clocks go forward at 02:00 EST: midnight is still EST (-5), the next one EDT (-4).
  { zone: "America/New_York", day: "2026-03-08", midnight: "2026-03-08T05:00:00Z", nextMidnight: "2026-03-09T04:00:00Z", hours: 23 },
  // Clocks go back at 02:00 EDT: midnight is EDT (-4), the next one EST (-5).
  { zone: "America/New_York", day: "2026-11-01", midnight: "2026-11-01T04:00:00Z", nextMidnight: "2026-11-02T05:00:00Z", hours: 25 },
  // Clocks go forward at 01:00 GMT: midnight is GMT (+0), the next one BST (+1).
  { zone: "Europe/London", day: "2026-03-29", midnight: "2026-03-29T00:00:00Z", nextMidnight: "2026-03-29T23:00:00Z", hours: 23 },
];

describe.each(dstCases)("daylight-saving change in $zone on $day", ({ zone, day, midnight, nextMidnight, hours }) => {
  it("turns the client's date exactly at local midnight, before and after the change", () => {
    const start = iso(midnight).getTime();
    const end = iso(nextMidnight).getTime();

    expect(todayIn(zone, new Date(start - SECOND))).toBe(addDays(day, -1));
    expect(todayIn(zone, new Date(start))).toBe(day);
    expect(todayIn(zone, new Date(end - SECOND))).toBe(day);
    expect(todayIn(zone, new Date(end))).toBe(addDays(day, 1));
    expect((end - start) / HOUR).toBe(hours);
  });

  it("instantOf(…, 00:00) is that local midnight on both sides of the change", () => {
    expect(instantOf(day, "00:00", zone).toISOString()).toBe(iso(midnight).toISOString());
    expect(instantOf(addDays(day, 1), "00:00", zone).toISOString()).toBe(iso(nextMidnight).toISOString());
  });

  it("makes a daily item due once on every calendar day around the change: none skipped, none doubled", () => {
    const schedule: Schedule = { type: "DAILY", startDate: addDays(day, -3), endDate: addDays(day, 3) };
    // Walk the clock forward in 15-minute steps and write down every date the client sees.
    const from = instantOf(addDays(day, -3), "00:00", zone).getTime();
    const to = instantOf(addDays(day, 4), "00:00", zone).getTime();
    const quarterHoursPerDate = new Map<string, number>();
    for (let t = from; t < to; t += HOUR / 4) {
      const today = todayIn(zone, new Date(t));
      quarterHoursPerDate.set(today, (quarterHoursPerDate.get(today) ?? 0) + 1);
    }
    const seenDates = [...quarterHoursPerDate.keys()];

    expect(seenDates).toEqual(Array.from({ length: 7 }, (_, i) => addDays(day, i - 3)));
    expect(quarterHoursPerDate.get(day)).toBe(hours * 4);
    expect(quarterHoursPerDate.get(addDays(day, -1))).toBe(96);
    expect(quarterHoursPerDate.get(addDays(day, 1))).toBe(96);

    const due = dueDatesBetween(schedule, addDays(day, -10), addDays(day, 10));
    expect(due).toEqual(seenDates);
    expect(new Set(due).size).toBe(due.length);
    expect(seenDates.every((date) => isDueOn(schedule, date))).toBe(true);
    for (let i = 1; i < due.length; i++) expect(daysBetween(due[i - 1]!, due[i]!)).toBe(1);
  });
});

describe("instantOf at 18:30 across a change", () => {
  it.each([
    // New York, spring: EST (-5) before, EDT (-4) after.
    ["America/New_York", "2026-03-07", "2026-03-07T23:30:00.000Z"],
    ["America/New_York", "2026-03-08", "2026-03-08T22:30:00.000Z"],
    ["America/New_York", "2026-03-09", "2026-03-09T22:30:00.000Z"],
    // New York, autumn: EDT (-4) before, EST (-5) after.
    ["America/New_York", "2026-10-31", "2026-10-31T22:30:00.000Z"],
    ["America/New_York", "2026-11-01", "2026-11-01T23:30:00.000Z"],
    ["America/New_York", "2026-11-02", "2026-11-02T23:30:00.000Z"],
    // London, spring: GMT (+0) before, BST (+1) after.
    ["Europe/London", "2026-03-28", "2026-03-28T18:30:00.000Z"],
    ["Europe/London", "2026-03-29", "2026-03-29T17:30:00.000Z"],
    ["Europe/London", "2026-03-30", "2026-03-30T17:30:00.000Z"],
    // A zone without daylight saving, far from UTC.
    ["Asia/Tokyo", "2026-03-08", "2026-03-08T09:30:00.000Z"],
  ])("%s %s 18:30 is %s", (zone, date, expected) => {
    const instant = instantOf(date, "18:30", zone);

    expect(instant.toISOString()).toBe(expected);
    // And it round-trips: at that instant it is that date in that zone.
    expect(todayIn(zone, instant)).toBe(date);
  });
});

describe("calendar arithmetic does not depend on the server's zone", () => {
  it("adds days across the change dates without drifting", () => {
    expect(addDays("2026-03-07", 1)).toBe("2026-03-08");
    expect(addDays("2026-03-08", 1)).toBe("2026-03-09");
    expect(addDays("2026-10-31", 2)).toBe("2026-11-02");
    expect(addDays("2026-03-29", -1)).toBe("2026-03-28");
    expect(daysBetween("2026-03-01", "2026-04-01")).toBe(31);
    expect(daysBetween("2026-10-25", "2026-11-08")).toBe(14);
    expect(weekdayOf("2026-03-08")).toBe(0);
    expect(weekdayOf("2026-11-01")).toBe(0);
  });
});
