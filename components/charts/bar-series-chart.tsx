import { formatNumber, formatPercent, periodLabel, type PeriodKind } from "@/components/progress/format";
import { BarPatternDefs, patternFill, usePatternPrefix } from "./bar-patterns";
import type { ChartRow, ChartSeries } from "./line-series-chart";
import { PlotFrame } from "./plot-frame";
import { percent, yPixel } from "./plot-geometry";
import { SeriesLegend } from "./series-legend";
import { styleAt } from "./series-marker";
import { niceAxis, type Axis } from "./ticks";

// Bars fill at most this share of their period's width, less when there are
// few periods (two weeks of bars would otherwise be slabs).
const GROUP_SHARE = 80;
const PERIODS_FOR_FULL_WIDTH = 6;

export type BarSeriesChartProps = {
  data: ChartRow[];
  xKey: string;
  periodKind: PeriodKind;
  series: ChartSeries[];
  label: string;
  stacked?: boolean;
  /** Values are 0–1 shares, shown as percentages. */
  percent?: boolean;
  yMax?: number;
  height?: number;
};

/** A bar's height in data units: a finite number, never below 0; anything else is no bar. */
export function barValue(row: ChartRow, key: string): number {
  const value = row[key];
  return typeof value === "number" && Number.isFinite(value) ? Math.max(0, value) : 0;
}

/** The y axis of a bar chart: 0–100 % for shares, otherwise whole steps up to `yMax` or the tallest bar (or stack). */
export function barAxis({ data, series, stacked = false, percent = false, yMax }: Pick<BarSeriesChartProps, "data" | "series" | "stacked" | "percent" | "yMax">): Axis {
  if (percent) return { domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1] };
  const highest = data.reduce((most, row) => {
    const values = series.map((item) => barValue(row, item.key));
    return Math.max(most, stacked ? values.reduce((sum, value) => sum + value, 0) : Math.max(0, ...values));
  }, 1);
  return niceAxis(0, yMax ?? highest);
}

/**
 * Bars per period, side by side or stacked; each series has its own fill
 * pattern. Drawn on the server as plain SVG; each bar names its period,
 * series and value on hover.
 */
export function BarSeriesChart({ data, xKey, periodKind, series, label, stacked = false, percent: asPercent = false, yMax, height = 240 }: BarSeriesChartProps) {
  const prefix = usePatternPrefix();
  const axis = barAxis({ data, series, stacked, percent: asPercent, yMax });
  const format = (value: number) => (asPercent ? formatPercent(value) : formatNumber(value));
  const groupWidth = GROUP_SHARE * Math.min(1, data.length / PERIODS_FOR_FULL_WIDTH);
  const barWidth = stacked ? groupWidth : groupWidth / Math.max(1, series.length);
  const count = Math.max(1, data.length);
  return (
    <div>
      <PlotFrame
        label={label}
        height={height}
        axis={axis}
        yAxisWidth={asPercent ? 44 : 30}
        formatTick={(value) => (asPercent ? formatPercent(value) : String(value))}
        xLabels={data.map((row) => periodLabel(periodKind, String(row[xKey]), true))}
      >
        <BarPatternDefs prefix={prefix} count={series.length} />
        {data.map((row, rowIndex) => {
          const period = periodLabel(periodKind, String(row[xKey]));
          let stackedSum = 0;
          return (
            // One nested SVG per period: bar positions are percentages of the period's width.
            <svg key={rowIndex} x={percent((rowIndex / count) * 100)} width={percent(100 / count)} overflow="visible" data-period-bars>
              {series.map((item, index) => {
                const value = barValue(row, item.key);
                const lower = stacked ? stackedSum : axis.domain[0];
                const upper = lower + value;
                if (stacked) stackedSum = upper;
                const top = yPixel(upper, axis, height);
                const bottom = yPixel(lower, axis, height);
                const x = (100 - groupWidth) / 2 + (stacked ? 0 : index * barWidth);
                return value > 0 ? (
                  <rect
                    key={item.key}
                    x={percent(round(x))}
                    width={percent(round(barWidth))}
                    y={top}
                    height={Math.max(0, round(bottom - top))}
                    fill={patternFill(prefix, index)}
                    stroke={styleAt(index).color}
                    strokeWidth={1}
                  >
                    <title>{`${item.label}, ${period}: ${format(value)}`}</title>
                  </rect>
                ) : null;
              })}
            </svg>
          );
        })}
      </PlotFrame>
      <SeriesLegend labels={series.map((item) => item.label)} kind="bar" />
    </div>
  );
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
