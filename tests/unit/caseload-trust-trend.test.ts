// Trust trend (up / flat / down) and "declining check-in over two weeks",
// from weekly trust scores, oldest first.
import { describe, expect, it } from "vitest";
import { isDeclining, TREND_THRESHOLD, TRUST_METRICS, trendOf } from "@/lib/caseload/trust-trend";

describe("trendOf", () => {
  it("has no trend before there are two weeks to compare", () => {
    expect(trendOf([])).toBeNull();
    expect(trendOf([6])).toBeNull();
  });

  it("compares the mean of the last two weeks with the two before", () => {
    expect(trendOf([5, 5, 6, 6])).toBe("up");
    expect(trendOf([7, 7, 6, 6])).toBe("down");
    expect(trendOf([6, 7, 6, 7])).toBe("flat");
    // Only the last four weeks count: an old low week does not make today look better.
    expect(trendOf([1, 6, 6, 6, 6])).toBe("flat");
  });

  it("is moved less by one unusual week than by a run of them", () => {
    expect(trendOf([6, 6, 6, 6.8])).toBe("flat");
    expect(trendOf([6, 6, 6.8, 6.8])).toBe("up");
  });

  it("counts a change of exactly the threshold (±0.5) as a change", () => {
    expect(TREND_THRESHOLD).toBe(0.5);
    expect(trendOf([6, 6, 6.5, 6.5])).toBe("up");
    expect(trendOf([6, 6, 5.5, 5.5])).toBe("down");
    expect(trendOf([6, 6, 6.4, 6.4])).toBe("flat");
    // Thirds, as the mean of three whole-number answers gives: 6 → 6.333… is not half a point.
    expect(trendOf([6, 6, 19 / 3, 19 / 3])).toBe("flat");
  });

  it("compares the last two weeks with the first when there are three, and the last with the first when two", () => {
    expect(trendOf([5, 6, 6])).toBe("up");
    expect(trendOf([6, 5])).toBe("down");
    expect(trendOf([6, 6.2])).toBe("flat");
  });
});

describe("isDeclining", () => {
  it("needs three weeks: the last two each lower than the week before", () => {
    expect(isDeclining([7, 6])).toBe(false);
    expect(isDeclining([7, 6, 5])).toBe(true);
    expect(isDeclining([3, 9, 8, 7])).toBe(true);
  });

  it("is not declining when either week held steady or rose", () => {
    expect(isDeclining([7, 7, 6])).toBe(false);
    expect(isDeclining([7, 6, 6])).toBe(false);
    expect(isDeclining([7, 5, 6])).toBe(false);
    // An earlier fall that has since recovered.
    expect(isDeclining([9, 8, 7, 8])).toBe(false);
  });

  it("counts any fall, however small, but not floating-point noise", () => {
    expect(isDeclining([6, 6 - 1 / 3, 6 - 2 / 3])).toBe(true);
    expect(isDeclining([0.3, 0.1 + 0.2, 0.3 - 1e-12])).toBe(false);
  });
});

describe("TRUST_METRICS", () => {
  it("are the three trust items of the weekly check-in, without worry", () => {
    expect(TRUST_METRICS).toEqual([
      "weekly-trust-check-in.predictability",
      "weekly-trust-check-in.reliability",
      "weekly-trust-check-in.emotional_safety",
    ]);
  });
});
