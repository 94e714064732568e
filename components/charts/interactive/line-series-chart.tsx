"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber, periodLabel } from "@/components/progress/format";
import { ChartFrame } from "../chart-frame";
import { SeriesLegend } from "../series-legend";
import { SeriesMarker, styleAt } from "../series-marker";
import { niceAxis } from "../ticks";
import type { LineSeriesChartProps } from "../line-series-chart";

/**
 * The therapist's on-screen variant of LineSeriesChart (same props): recharts,
 * with a tooltip naming every series at the hovered period. Lines over time,
 * each with its own colour, dash pattern and marker.
 * Periods without data are null: the line bridges them (so a trend stays
 * readable) but no marker is drawn there, and the table says "—". Straight
 * segments between the real values: a smoothed curve would show highs and
 * lows nobody entered. Whole-number ticks (0–10 by 2).
 */
export function InteractiveLineSeriesChart({ data, xKey, periodKind, series, yDomain, label, unit = "", height = 260, showLegend = true }: LineSeriesChartProps) {
  const axis = niceAxis(yDomain[0], yDomain[1]);
  return (
    <div>
      <ChartFrame label={label} height={height}>
        <ResponsiveContainer width="100%" height="100%">
          {/* Labels with a unit ("100%") are wider: a negative left margin would cut their first digit off. */}
          <LineChart data={data} margin={{ top: 8, right: 12, bottom: 4, left: unit ? 0 : -16 }} accessibilityLayer={false}>
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
              allowDecimals={false}
              tickFormatter={(value: number) => `${value}${unit}`}
              tick={{ fontSize: 12, fill: "#44403c" }}
              width={44}
            />
            <Tooltip
              labelFormatter={(value) => periodLabel(periodKind, String(value))}
              formatter={(value) => `${formatNumber(typeof value === "number" ? value : null)}${unit}`}
            />
            {series.map((item, index) => {
              const style = styleAt(index);
              return (
                <Line
                  key={item.key}
                  dataKey={item.key}
                  name={item.label}
                  type="linear"
                  stroke={style.color}
                  strokeWidth={2.5}
                  strokeDasharray={style.dash}
                  connectNulls
                  isAnimationActive={false}
                  dot={({ cx, cy, value, index: point }) =>
                    value === null || value === undefined || cx === undefined || cy === undefined ? (
                      <g key={`${item.key}-${point}`} />
                    ) : (
                      <g key={`${item.key}-${point}`}>
                        <SeriesMarker shape={style.marker} cx={cx} cy={cy} color={style.color} />
                      </g>
                    )
                  }
                  activeDot={({ cx, cy }) =>
                    cx === undefined || cy === undefined ? <g /> : <SeriesMarker shape={style.marker} cx={cx} cy={cy} color={style.color} size={6} />
                  }
                />
              );
            })}
          </LineChart>
        </ResponsiveContainer>
      </ChartFrame>
      {showLegend ? <SeriesLegend labels={series.map((item) => item.label)} /> : null}
    </div>
  );
}
