import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/dates/local-date";
import { chartRangeFor, parseReportRange, presetStart } from "@/lib/exports/report-range";
import { rangeWindow } from "@/lib/progress/range";

// Saturday 5 Dec 2026; its week starts Monday 30 Nov.
const TODAY = "2026-12-05";

describe("parseReportRange", () => {
  it("without from/to uses the preset period", () => {
    expect(parseReportRange({}, "12w", TODAY)).toEqual({
      period: { from: "2026-09-14", to: TODAY, custom: false, chartRange: "12w" },
      error: null,
      input: { from: "", to: "" },
    });
    expect(parseReportRange({ from: "", to: "" }, "all", TODAY).period).toEqual({ from: null, to: TODAY, custom: false, chartRange: "all" });
  });

  it("takes a chosen period and charts it with the shortest preset that holds it", () => {
    expect(parseReportRange({ from: "2026-11-10", to: "2026-11-30" }, "12w", TODAY)).toMatchObject({
      period: { from: "2026-11-10", to: "2026-11-30", custom: true, chartRange: "4w" },
      error: null,
    });
    expect(parseReportRange({ from: "2026-10-01" }, "4w", TODAY).period).toEqual({ from: "2026-10-01", to: TODAY, custom: true, chartRange: "12w" });
    expect(parseReportRange({ from: "2025-01-01", to: "2030-01-01" }, "4w", TODAY).period).toEqual({ from: "2025-01-01", to: TODAY, custom: true, chartRange: "all" });
    expect(parseReportRange({ to: "2026-11-01" }, "4w", TODAY).period).toEqual({ from: null, to: "2026-11-01", custom: true, chartRange: "all" });
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
  ])("%j is refused with a message, and the preset period stands", (query, field, message) => {
    const result = parseReportRange(query, "12w", TODAY);
    expect(result.error).toEqual({ field, message });
    expect(result.period).toEqual({ from: "2026-09-14", to: TODAY, custom: false, chartRange: "12w" });
    expect(result.input.from.length).toBeLessThanOrEqual(10);
  });
});

describe("preset windows", () => {
  it("match the progress charts' weeks (current week and the ones before it)", () => {
    expect(presetStart("4w", TODAY)).toBe("2026-11-09");
    expect(presetStart("12w", TODAY)).toBe("2026-09-14");
    expect(presetStart("all", TODAY)).toBeNull();
    expect(chartRangeFor("2026-11-09", TODAY)).toBe("4w");
    expect(chartRangeFor("2026-11-08", TODAY)).toBe("12w");
    expect(chartRangeFor(null, TODAY)).toBe("all");
    for (let day = 0; day < 14; day++) {
      const today = addDays(TODAY, day);
      for (const range of ["4w", "12w", "all"] as const) expect(presetStart(range, today)).toBe(rangeWindow(range, today).from);
    }
  });
});
