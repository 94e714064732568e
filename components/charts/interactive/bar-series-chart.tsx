"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber, formatPercent, periodLabel } from "@/components/progress/format";
import { BarPatternDefs, patternFill, usePatternPrefix } from "../bar-patterns";
import { ChartFrame } from "../chart-frame";
import { barAxis, type BarSeriesChartProps } from "../bar-series-chart";
import { SeriesLegend } from "../series-legend";
import { styleAt } from "../series-marker";

/** The therapist's on-screen variant of BarSeriesChart (same props), with a tooltip. Bars per period, side by side or stacked; each series has its own fill pattern. */
export function InteractiveBarSeriesChart({ data, xKey, periodKind, series, label, stacked = false, percent = false, yMax, height = 240 }: BarSeriesChartProps) {
  const prefix = usePatternPrefix();
  const axis = barAxis({ data, series, stacked, percent, yMax });
  const format = (value: unknown) => {
    const number = typeof value === "number" ? value : null;
    return percent ? formatPercent(number) : formatNumber(number);
  };
  return (
    <div>
      <ChartFrame label={label} height={height}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 12, bottom: 4, left: percent ? 0 : -16 }} accessibilityLayer={false}>
            <BarPatternDefs prefix={prefix} count={series.length} />
            <CartesianGrid stroke="#e7e5e4" vertical={false} />
            <XAxis
              dataKey={xKey}
              tickFormatter={(value: string) => periodLabel(periodKind, value, true)}
              tick={{ fontSize: 12, fill: "#44403c" }}
              minTickGap={16}
            />
            <YAxis
              domain={axis.domain}
              ticks={axis.ticks}
              interval={0}
              allowDecimals={percent}
              tickFormatter={(value: number) => (percent ? formatPercent(value) : String(value))}
              tick={{ fontSize: 12, fill: "#44403c" }}
              width={percent ? 48 : 44}
            />
            <Tooltip labelFormatter={(value) => periodLabel(periodKind, String(value))} formatter={format} cursor={{ fill: "#f5f5f4" }} />
            {series.map((item, index) => (
              <Bar
                key={item.key}
                dataKey={item.key}
                name={item.label}
                stackId={stacked ? "stack" : undefined}
                fill={patternFill(prefix, index)}
                stroke={styleAt(index).color}
                strokeWidth={1}
                isAnimationActive={false}
                maxBarSize={36}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </ChartFrame>
      <SeriesLegend labels={series.map((item) => item.label)} kind="bar" />
    </div>
  );
}
