// The one date style of the app (lib/dates/display.ts): the viewer's zone,
// relative words for the last and next few days, "3 Dec" this year and
// "3 Dec 2025" otherwise; never "2026-12-03".
import { describe, expect, it } from "vitest";
import { formatCalendarDay, formatDay, formatDayTitle, formatMoment, formatMomentTitle, formatMomentWithTime } from "@/lib/dates/display";

const LONDON = "Europe/London";
const TOKYO = "Asia/Tokyo";
// 09:30 on Saturday 5 December 2026 in London; already 18:30 in Tokyo.
const NOW = new Date("2026-12-05T09:30:00Z");
const at = (iso: string) => new Date(iso);

describe("formatDay", () => {
  it("says today, yesterday and tomorrow, counted in the viewer's zone", () => {
    expect(formatDay(at("2026-12-05T00:10:00Z"), { timeZone: LONDON, now: NOW })).toBe("today");
    expect(formatDay(at("2026-12-04T23:50:00Z"), { timeZone: LONDON, now: NOW })).toBe("yesterday");
    // 23:50 UTC on the 4th is already 08:50 on the 5th in Tokyo.
    expect(formatDay(at("2026-12-04T23:50:00Z"), { timeZone: TOKYO, now: NOW })).toBe("today");
    expect(formatDay("2026-12-06", { timeZone: LONDON, now: NOW })).toBe("tomorrow");
  });

  it("counts days for the last and next week", () => {
    expect(formatDay("2026-12-02", { timeZone: LONDON, now: NOW })).toBe("3 days ago");
    expect(formatDay("2026-11-29", { timeZone: LONDON, now: NOW })).toBe("6 days ago");
    expect(formatDay("2026-12-09", { timeZone: LONDON, now: NOW })).toBe("in 4 days");
  });

  it("gives day and month this year and the year otherwise, never an ISO date", () => {
    expect(formatDay("2026-11-28", { timeZone: LONDON, now: NOW })).toBe("28 Nov");
    expect(formatDay("2026-03-01", { timeZone: LONDON, now: NOW })).toBe("1 Mar");
    expect(formatDay("2025-12-03", { timeZone: LONDON, now: NOW })).toBe("3 Dec 2025");
    expect(formatDay("2027-01-20", { timeZone: LONDON, now: NOW })).toBe("20 Jan 2027");
    expect(formatDay(at("2026-10-01T12:00:00Z"), { timeZone: LONDON, now: NOW })).toBe("1 Oct");
  });

  it("can be absolute only (for dates that are the point, e.g. a schedule)", () => {
    expect(formatDay("2026-12-05", { timeZone: LONDON, now: NOW, relative: false })).toBe("5 Dec");
  });

  it("capitalises for the start of a line", () => {
    expect(formatDay("2026-12-04", { timeZone: LONDON, now: NOW, capitalized: true })).toBe("Yesterday");
    expect(formatDay("2026-12-01", { timeZone: LONDON, now: NOW, capitalized: true })).toBe("4 days ago");
  });

  it("refuses nothing: a malformed calendar date is shown as it came", () => {
    expect(formatDay("not-a-date", { timeZone: LONDON, now: NOW })).toBe("not-a-date");
  });
});

describe("formatMoment", () => {
  it("adds the viewer's clock time today and yesterday", () => {
    expect(formatMoment(at("2026-12-05T08:05:00Z"), { timeZone: LONDON, now: NOW })).toBe("today, 08:05");
    expect(formatMoment(at("2026-12-04T12:33:00Z"), { timeZone: LONDON, now: NOW })).toBe("yesterday, 12:33");
    expect(formatMoment(at("2026-12-04T12:33:00Z"), { timeZone: TOKYO, now: NOW })).toBe("yesterday, 21:33");
  });

  it("is a day count within the week and a date beyond it", () => {
    expect(formatMoment(at("2026-12-02T12:00:00Z"), { timeZone: LONDON, now: NOW })).toBe("3 days ago");
    expect(formatMoment(at("2026-12-01T12:33:00Z"), { timeZone: LONDON, now: NOW })).toBe("4 days ago");
    expect(formatMoment(at("2026-11-20T12:33:00Z"), { timeZone: LONDON, now: NOW })).toBe("20 Nov");
    expect(formatMoment(at("2025-12-03T12:33:00Z"), { timeZone: LONDON, now: NOW })).toBe("3 Dec 2025");
  });
});

describe("formatMomentWithTime (where the time of day matters: flags, replies, notes, sign-ins)", () => {
  it("keeps the viewer's clock time on every day", () => {
    expect(formatMomentWithTime(at("2026-12-05T08:05:00Z"), { timeZone: LONDON, now: NOW })).toBe("today, 08:05");
    expect(formatMomentWithTime(at("2026-12-04T21:30:00Z"), { timeZone: LONDON, now: NOW })).toBe("yesterday, 21:30");
    expect(formatMomentWithTime(at("2026-12-02T14:00:00Z"), { timeZone: LONDON, now: NOW })).toBe("3 days ago, 14:00");
    expect(formatMomentWithTime(at("2026-12-07T09:00:00Z"), { timeZone: LONDON, now: NOW })).toBe("in 2 days, 09:00");
    expect(formatMomentWithTime(at("2026-11-20T12:33:00Z"), { timeZone: LONDON, now: NOW })).toBe("20 Nov, 12:33");
    expect(formatMomentWithTime(at("2025-12-03T12:33:00Z"), { timeZone: LONDON, now: NOW })).toBe("3 Dec 2025, 12:33");
  });

  it("reads day and time in the viewer's zone, not the server's", () => {
    // 23:50 UTC on the 4th: yesterday late evening in London, this morning in Tokyo.
    expect(formatMomentWithTime(at("2026-12-04T23:50:00Z"), { timeZone: LONDON, now: NOW })).toBe("yesterday, 23:50");
    expect(formatMomentWithTime(at("2026-12-04T23:50:00Z"), { timeZone: TOKYO, now: NOW })).toBe("today, 08:50");
  });

  it("can be absolute and capitalised", () => {
    expect(formatMomentWithTime(at("2026-12-05T08:05:00Z"), { timeZone: LONDON, now: NOW, relative: false })).toBe("5 Dec, 08:05");
    expect(formatMomentWithTime(at("2026-12-04T21:30:00Z"), { timeZone: LONDON, now: NOW, capitalized: true })).toBe("Yesterday, 21:30");
  });
});

describe("formatCalendarDay (a calendar day against a today the caller already has, e.g. the portal's)", () => {
  it("uses the same words and dates as formatDay", () => {
    expect(formatCalendarDay("2026-12-05", "2026-12-05")).toBe("today");
    expect(formatCalendarDay("2026-12-04", "2026-12-05", { capitalized: true })).toBe("Yesterday");
    expect(formatCalendarDay("2026-12-08", "2026-12-05")).toBe("in 3 days");
    expect(formatCalendarDay("2026-11-01", "2026-12-05")).toBe("1 Nov");
    expect(formatCalendarDay("2027-01-02", "2026-12-05")).toBe("2 Jan 2027");
    expect(formatCalendarDay("2026-12-05", "2026-12-05", { relative: false })).toBe("5 Dec");
    expect(formatCalendarDay("garbage", "2026-12-05")).toBe("garbage");
  });
});

describe("titles (the full date behind a relative one)", () => {
  it("spells out the day with the year, and the time for moments", () => {
    expect(formatDayTitle("2026-12-03")).toBe("Thursday 3 December 2026");
    expect(formatMomentTitle(at("2026-12-04T12:33:00Z"), LONDON)).toBe("Friday 4 December 2026, 12:33");
  });
});
