// The progress charts are drawn on the server as plain SVG (no chart library
// on the phone). These pin what a reader relies on: values sit where the
// axis says, gaps are bridged without inventing a point, lines are straight,
// stacked bars add up, and the period labels thin out on a phone.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BandLineChart } from "@/components/charts/band-line-chart";
import { BarSeriesChart } from "@/components/charts/bar-series-chart";
import { LineSeriesChart } from "@/components/charts/line-series-chart";
import { PLOT_BOTTOM, PLOT_TOP, xLabelSteps } from "@/components/charts/plot-geometry";

const HEIGHT = 260;
const inner = HEIGHT - PLOT_TOP - PLOT_BOTTOM;
const rowOf = (value: number) => Math.round((PLOT_TOP + inner * (1 - value / 10)) * 100) / 100;

function attributes(html: string, tag: string): Record<string, string>[] {
  return [...html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, "g"))].map((match) =>
    Object.fromEntries([...match[1]!.matchAll(/([\w:-]+)="([^"]*)"/g)].map((pair) => [pair[1]!, pair[2]!])),
  );
}

/** The markup of one element, from its opening tag to its matching closing tag. */
function element(html: string, opening: string, tag: string): string {
  const start = html.indexOf(opening);
  expect(start, `${opening} in the chart`).toBeGreaterThanOrEqual(0);
  let depth = 0;
  const pattern = new RegExp(`<(/?)${tag}\\b[^>]*?(/?)>`, "g");
  pattern.lastIndex = start;
  for (let match = pattern.exec(html); match; match = pattern.exec(html)) {
    if (match[2]) continue;
    depth += match[1] ? -1 : 1;
    if (depth === 0) return html.slice(start, pattern.lastIndex);
  }
  throw new Error(`${opening} is not closed`);
}

const seriesGroup = (html: string, name: string) => element(html, `<g data-series="${name}">`, "g");

describe("server-drawn charts", () => {
  const weeks = ["2026-11-02", "2026-11-09", "2026-11-16"];

  it("put each value at its row, bridge a missing week with one straight segment and no marker there", () => {
    const html = renderToStaticMarkup(
      createElement(LineSeriesChart, {
        data: [
          { week: weeks[0]!, calm: 2 },
          { week: weeks[1]!, calm: null },
          { week: weeks[2]!, calm: 8 },
        ],
        xKey: "week",
        periodKind: "week",
        series: [{ key: "calm", label: "Calm" }],
        yDomain: [0, 10],
        label: "Calm per week",
      }),
    );
    const group = seriesGroup(html, "Calm");
    const segments = attributes(group, "line");
    expect(segments).toHaveLength(1);
    expect(segments[0]).toMatchObject({ x1: "16.67%", y1: String(rowOf(2)), x2: "83.33%", y2: String(rowOf(8)) });
    const points = attributes(group, "svg");
    expect(points.map((point) => [point.x, point.y])).toEqual([
      ["16.67%", String(rowOf(2))],
      ["83.33%", String(rowOf(8))],
    ]);
    expect([...group.matchAll(/<title>([^<]+)<\/title>/g)].map((match) => match[1])).toEqual([
      expect.stringMatching(/^Calm, .*2 Nov.*: 2$/),
      expect.stringMatching(/^Calm, .*16 Nov.*: 8$/),
    ]);
    // Straight lines only: no path with curve commands anywhere in the chart.
    expect(html).not.toMatch(/<path[^>]* d="[^"]*[CcSsQqTt]/);
    // The y axis reads 0–10 by 2, and the frame is one labelled image.
    expect([...html.matchAll(/data-tick="true"[^>]*>([^<]+)</g)].map((match) => match[1])).toEqual(["0", "2", "4", "6", "8", "10"]);
    expect(html).toMatch(/^<div><div role="img" aria-label="Calm per week"/);
  });

  it("stack bars so their heights add up, and draw nothing for a zero", () => {
    const html = renderToStaticMarkup(
      createElement(BarSeriesChart, {
        data: [
          { week: weeks[0]!, calm: 3, tense: 2 },
          { week: weeks[1]!, calm: 0, tense: 4 },
        ],
        xKey: "week",
        periodKind: "week",
        series: [
          { key: "calm", label: "Calm" },
          { key: "tense", label: "Tense" },
        ],
        label: "Moods",
        stacked: true,
        yMax: 10,
      }),
    );
    // Each period's bars sit in their own nested <svg data-period-bars>.
    const periodStarts = [...html.matchAll(/<svg[^>]*data-period-bars="true"[^>]*>/g)].map((match) => match.index);
    expect(periodStarts).toHaveLength(2);
    const barsIn = (week: number) =>
      attributes(element(html.slice(periodStarts[week - 1]), "<svg", "svg"), "rect").map((rect) => ({ top: Number(rect.y), height: Number(rect.height) }));
    const [calm, tense] = barsIn(1);
    const barInner = 240 - PLOT_TOP - PLOT_BOTTOM;
    expect(calm!.top + calm!.height, "the first series stands on the axis").toBeCloseTo(PLOT_TOP + barInner, 1);
    expect(tense!.top + tense!.height, "the second stands on the first").toBeCloseTo(calm!.top, 1);
    expect(calm!.height + tense!.height).toBeCloseTo((5 * barInner) / 10, 1);
    // Week two has no "calm": one bar, four units tall.
    expect(barsIn(2)).toHaveLength(1);
    expect(barsIn(2)[0]!.height).toBeCloseTo((4 * barInner) / 10, 1);
  });

  it("shade every severity band under the total's line", () => {
    const html = renderToStaticMarkup(
      createElement(BandLineChart, {
        data: [
          { date: "2026-11-02", total: 14 },
          { date: "2026-11-16", total: 9 },
        ],
        bands: [
          { from: 0, to: 4, label: "Minimal" },
          { from: 5, to: 9, label: "Mild" },
          { from: 10, to: 14, label: "Moderate" },
          { from: 15, to: 19, label: "Moderately severe" },
          { from: 20, to: 27, label: "Severe" },
        ],
        max: 27,
        label: "PHQ-9 total",
        seriesLabel: "Total",
      }),
    );
    expect(html.match(/data-band="true"/g)).toHaveLength(5);
    expect(html).toContain(">Moderate 10–14</text>");
    // The bands come before the line, so the line is drawn on top of them.
    expect(html.indexOf("data-band")).toBeLessThan(html.indexOf('data-series="Total"'));
    expect(attributes(seriesGroup(html, "Total"), "line")).toHaveLength(1);
  });

  it("thin the period labels to about five on a phone and a dozen on a desktop", () => {
    expect(xLabelSteps(4)).toEqual({ phone: 1, desktop: 1 });
    expect(xLabelSteps(12)).toEqual({ phone: 3, desktop: 1 });
    expect(xLabelSteps(52)).toEqual({ phone: 11, desktop: 5 });
    const html = renderToStaticMarkup(
      createElement(LineSeriesChart, {
        data: Array.from({ length: 12 }, (_, index) => ({ week: `2026-0${1 + Math.floor(index / 4)}-0${1 + (index % 4)}`, calm: index % 10 })),
        xKey: "week",
        periodKind: "week",
        series: [{ key: "calm", label: "Calm" }],
        yDomain: [0, 10],
        label: "Calm",
      }),
    );
    const labels = [...html.matchAll(/<text[^>]*data-period="true"[^>]*>/g)].map((match) => match[0]);
    expect(labels).toHaveLength(12);
    expect(labels.filter((label) => !label.includes("class="))).toHaveLength(4);
    expect(labels.filter((label) => label.includes('class="@lg:hidden"'))).toHaveLength(0);
    expect(labels.filter((label) => label.includes('class="hidden @lg:inline"'))).toHaveLength(8);
  });
});
