// Whole-number axis ticks people can read at a glance: 0–10 by 2, 0–27 by 5,
// 0–500 by 100. No library: a chart's domain is always known up front.
const STEPS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000];

export type Axis = { domain: [number, number]; ticks: number[] };

/** Ticks from `min` to `max` (widened to whole steps) with at most `most` intervals. */
export function niceAxis(min: number, max: number, most = 5): Axis {
  const low = Math.floor(Math.min(min, max));
  const high = Math.max(Math.ceil(Math.max(min, max)), low + 1);
  const span = high - low;
  const step = STEPS.find((candidate) => span / candidate <= most) ?? Math.pow(10, Math.ceil(Math.log10(span / most)));
  const start = Math.floor(low / step) * step;
  const end = Math.ceil(high / step) * step;
  const ticks: number[] = [];
  for (let tick = start; tick <= end; tick += step) ticks.push(tick);
  return { domain: [start, end], ticks };
}
