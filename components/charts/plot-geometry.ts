import type { Axis } from "./ticks";

// Where things sit in a chart drawn on the server. Heights are pixels (a
// chart is a fixed height); horizontal positions are percentages of the plot
// area, so one SVG fits a 375 px phone and a desktop without measuring the
// screen in the browser (no client JavaScript, nothing to hydrate).

export const PLOT_TOP = 8;
export const PLOT_BOTTOM = 24;

/** Pixel row of `value` in a plot `height` pixels tall. */
export function yPixel(value: number, axis: Axis, height: number): number {
  const [low, high] = axis.domain;
  const span = high - low || 1;
  const inner = height - PLOT_TOP - PLOT_BOTTOM;
  const clamped = Math.min(high, Math.max(low, value));
  return round(PLOT_TOP + inner * (1 - (clamped - low) / span));
}

/** Centre of the `index`th of `count` periods, as a percentage of the plot's width. */
export function xCentre(index: number, count: number): number {
  return round(((index + 0.5) / Math.max(1, count)) * 100);
}

export function percent(value: number): string {
  return `${value}%`;
}

// A short period label ("3 Dec") is about 35 px at 12 px type plus a gap:
// about five fit a phone's plot, a dozen a desktop's.
const LABELS_ON_A_PHONE = 5;
const LABELS_ON_A_DESKTOP = 12;

/** Which x labels show at each width: every `phone`th on a phone, every `desktop`th from 32rem of chart width. */
export function xLabelSteps(count: number): { phone: number; desktop: number } {
  return { phone: Math.max(1, Math.ceil(count / LABELS_ON_A_PHONE)), desktop: Math.max(1, Math.ceil(count / LABELS_ON_A_DESKTOP)) };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
