import { describe, expect, it } from "vitest";
import { niceAxis } from "@/components/charts/ticks";

describe("chart axes", () => {
  it("label a 0–10 scale 0, 2, 4, 6, 8, 10", () => {
    expect(niceAxis(0, 10)).toEqual({ domain: [0, 10], ticks: [0, 2, 4, 6, 8, 10] });
  });

  it("use whole-number steps for other ranges, widened to a whole step", () => {
    expect(niceAxis(0, 9).ticks).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceAxis(0, 3).ticks).toEqual([0, 1, 2, 3]);
    expect(niceAxis(0, 100).ticks).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceAxis(0, 37)).toEqual({ domain: [0, 40], ticks: [0, 10, 20, 30, 40] });
    expect(niceAxis(-3, 10).ticks).toEqual([-5, 0, 5, 10]);
    expect(niceAxis(0, 0).ticks).toEqual([0, 1]);
    for (const max of [1, 6, 12, 27, 450, 123_456]) {
      const { ticks } = niceAxis(0, max);
      expect(ticks.every(Number.isInteger)).toBe(true);
      expect(ticks.length).toBeLessThanOrEqual(6);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
    }
  });
});
