import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/dates/local-date";
import { parseReportRange, presetStart } from "@/lib/exports/report-range";
import { rangeWindow } from "@/lib/progress/range";

// Saturday 5 Dec 2026; its week starts Monday 30 Nov.
const TODAY = "2026-12-05";

describe("parseReportRange", () => {
  it("without from/to uses the preset period", () => {
    expect(parseReportRange({}, "12w", TODAY)).toEqual({
      period: { from: "2026-09-14", to: TODAY, custom: false, chart: "12w" },
      error: null,
      input: { from: "", to: "" },
    });
    expect(parseReportRange({ from: "", to: "" }, "all", TODAY).period).toEqual({ from: null, to: TODAY, custom: false, chart: "all" });
  });

  it("takes a chosen period and charts exactly those days", () => {
    expect(parseReportRange({ from: "2026-11-10", to: "2026-11-30" }, "12w", TODAY)).toMatchObject({
      period: { from: "2026-11-10", to: "2026-11-30", custom: true, chart: { from: "2026-11-10", to: "2026-11-30" } },
      error: null,
    });
    expect(parseReportRange({ from: "2026-10-01" }, "4w", TODAY).period).toEqual({ from: "2026-10-01", to: TODAY, custom: true, chart: { from: "2026-10-01", to: TODAY } });
    // An end after today means "up to now".
    expect(parseReportRange({ from: "2025-01-01", to: "2030-01-01" }, "4w", TODAY).period.chart).toEqual({ from: "2025-01-01", to: TODAY });
    // Two years back is the earliest a report goes.
    expect(parseReportRange({ from: "2024-12-04" }, "4w", TODAY).error).toBeNull();
    expect(parseReportRange({ to: "2026-11-01" }, "4w", TODAY).period).toEqual({ from: null, to: "2026-11-01", custom: true, chart: { from: null, to: "2026-11-01" } });
    // Only the first of repeated parameters counts.
    expect(parseReportRange({ from: ["2026-11-10", "x"] }, "4w", TODAY).period.from).toBe("2026-11-10");
  });

  it.each([
    [{ from: "2026-13-45" }, "from", "Enter the start date as a real date (YYYY-MM-DD)."],
    [{ from: "yesterday" }, "from", "Enter the start date as a real date (YYYY-MM-DD)."],
    [{ from: "9".repeat(500) }, "from", "Enter the start date as a real date (YYYY-MM-DD)."],
    [{ to: "2026-02-30" }, "to", "Enter the end date as a real date (YYYY-MM-DD)."],
    [{ from: "2026-03-10", to: "2026-02-01" }, "from", "The start date must be on or before the end date."],
    [{ from: "2027-01-01" }, "from", "The start date can’t be after today."],
    [{ from: "0000-01-01" }, "from", "Choose dates from the last two years (from 2024-12-04), or print “All time”."],
    [{ from: "2024-12-03", to: "2025-01-01" }, "from", "Choose dates from the last two years (from 2024-12-04), or print “All time”."],
    [{ to: "1999-12-31" }, "to", "Choose dates from the last two years (from 2024-12-04), or print “All time”."],
  ])("%j is refused with a message, and the preset period stands", (query, field, message) => {
    const result = parseReportRange(query, "12w", TODAY);
    expect(result.error).toEqual({ field, message });
    expect(result.period).toEqual({ from: "2026-09-14", to: TODAY, custom: false, chart: "12w" });
    expect(result.input.from.length).toBeLessThanOrEqual(10);
  });
});

describe("preset windows", () => {
  it("match the progress charts' weeks (current week and the ones before it)", () => {
    expect(presetStart("4w", TODAY)).toBe("2026-11-09");
    expect(presetStart("12w", TODAY)).toBe("2026-09-14");
    expect(presetStart("all", TODAY)).toBeNull();
    for (let day = 0; day < 14; day++) {
      const today = addDays(TODAY, day);
      for (const range of ["4w", "12w", "all"] as const) expect(presetStart(range, today)).toBe(rangeWindow(range, today).from);
    }
  });
});

describe("a chosen period's window", () => {
  it("starts on the Monday of its first day and ends on its last day, never after today", () => {
    // Thursday 1 Oct to Saturday 31 Oct 2026.
    expect(rangeWindow({ from: "2026-10-01", to: "2026-10-31" }, TODAY)).toEqual({
      range: { from: "2026-10-01", to: "2026-10-31" },
      from: "2026-09-28",
      today: "2026-10-31",
      currentWeek: "2026-10-26",
    });
    expect(rangeWindow({ from: null, to: "2027-03-01" }, TODAY)).toMatchObject({ from: null, today: TODAY, currentWeek: "2026-11-30" });
    expect(rangeWindow({ from: "2026-11-30", to: TODAY }, TODAY)).toMatchObject({ from: "2026-11-30", today: TODAY });
  });
});

describe("chart periods", () => {
  it("are laid out by day, week or month, and a window that cannot be laid out is an error, not an endless loop", async () => {
    const { datesBetween, monthsBetween, weeksBetween } = await import("@/lib/progress/series");
    expect(weeksBetween("2026-11-23", "2026-12-07")).toEqual(["2026-11-23", "2026-11-30", "2026-12-07"]);
    expect(datesBetween("2026-12-30", "2027-01-01")).toEqual(["2026-12-30", "2026-12-31", "2027-01-01"]);
    expect(monthsBetween("2026-11-01", "2027-02-01")).toEqual(["2026-11-01", "2026-12-01", "2027-01-01", "2027-02-01"]);
    // Year 0000's Monday lies in year -1, which no date string can hold.
    expect(() => weeksBetween(rangeWindow({ from: "0000-01-01", to: TODAY }, TODAY).from!, TODAY)).toThrow(/chart periods/);
    expect(() => datesBetween("1900-01-01", TODAY)).toThrow(/too many/);
  });
});
