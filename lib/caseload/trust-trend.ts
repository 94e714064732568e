// Trust trend and "declining check-in" from the weekly trust check-in.
//
// Trust score of one week: the mean of predictability, reliability and
// emotional safety (0–10 each, higher is better). Worry is left out on
// purpose: it measures how much mistrust costs the client, not how
// trustworthy the relationship felt, and folding a reversed item (10 − worry)
// into the score would let a calmer week hide a partner who kept breaking
// promises. Worry has its own line on the progress chart.
//
// A week with more than one check-in counts once, with the mean of its
// answers, so an extra check-in cannot tip the trend on its own.
import { metricKey } from "@/lib/exercises/measurements";

const CHECK_IN = "weekly-trust-check-in";

/** The measurements that make up the trust score (see above). */
export const TRUST_METRICS = [
  metricKey(CHECK_IN, "predictability"),
  metricKey(CHECK_IN, "reliability"),
  metricKey(CHECK_IN, "emotional_safety"),
] as const;

/** Half a point on a 0–10 scale: smaller moves are week-to-week noise. */
export const TREND_THRESHOLD = 0.5;

/** Differences smaller than this are floating-point noise, not a change. */
const EPSILON = 1e-9;

export type Trend = "up" | "flat" | "down";

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * Up / flat / down from weekly scores, oldest first. Compares the mean of the
 * last two weeks with the mean of the two before (with three weeks: the last
 * two against the first; with two: the last against the one before), so one
 * unusual week moves the trend less than a run of them. Null with fewer than
 * two weeks: there is nothing to compare yet.
 */
export function trendOf(weeklyScores: readonly number[]): Trend | null {
  const recentWeeks = weeklyScores.slice(-4);
  if (recentWeeks.length < 2) return null;
  const split = recentWeeks.length >= 3 ? recentWeeks.length - 2 : 1;
  const change = mean(recentWeeks.slice(split)) - mean(recentWeeks.slice(0, split));
  if (change >= TREND_THRESHOLD - EPSILON) return "up";
  if (change <= -TREND_THRESHOLD + EPSILON) return "down";
  return "flat";
}

/**
 * "Declining check-in over two weeks": each of the last two weekly scores is
 * lower than the week before it (three weeks falling in a row). Any drop
 * counts, however small: two falls in a row is the signal, and acknowledging
 * the flag quiets it until the next falling week.
 */
export function isDeclining(weeklyScores: readonly number[]): boolean {
  const [first, second, third] = weeklyScores.slice(-3);
  if (first === undefined || second === undefined || third === undefined) return false;
  return second < first - EPSILON && third < second - EPSILON;
}
