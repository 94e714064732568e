"use client";

import { CartesianGrid, Line, LineChart, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber, periodLabel } from "@/components/progress/format";
import { ChartFrame } from "../chart-frame";
import { SeriesMarker, styleAt } from "../series-marker";
import { BAND_FILLS, type BandLineChartProps } from "../band-line-chart";


/**
 * The therapist's on-screen variant of BandLineChart (same props, same greys), with a tooltip.
 * A questionnaire total over time with its published severity bands shaded
 * and labelled behind the line. Bands meet half-way between whole scores, so
 * a total of 10 sits clearly inside "10–14".
 */
export function InteractiveBandLineChart({ data, bands, max, label, seriesLabel, height = 280 }: BandLineChartProps) {
  const style = styleAt(0);
  return (
    <ChartFrame label={label} height={height}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 12, bottom: 4, left: -16 }} accessibilityLayer={false}>
          {bands.map((band, index) => (
            <ReferenceArea
              key={band.label}
              y1={Math.max(0, band.from - 0.5)}
              y2={Math.min(max, band.to + 0.5)}
              fill={BAND_FILLS[index] ?? "#e7e5e4"}
              fillOpacity={1}
              ifOverflow="hidden"
              label={{ value: `${band.label} ${band.from}–${band.to}`, position: "insideTopRight", fontSize: 11, fill: "#44403c" }}
            />
          ))}
          <CartesianGrid stroke="#d6d3d1" strokeOpacity={0.5} vertical={false} />
          <XAxis dataKey="date" tickFormatter={(value: string) => periodLabel("date", value, true)} tick={{ fontSize: 12, fill: "#44403c" }} minTickGap={16} />
          <YAxis domain={[0, max]} ticks={Array.from({ length: Math.floor(max / 5) + 1 }, (_, index) => index * 5)}
            interval={0} tick={{ fontSize: 12, fill: "#44403c" }} width={44} />
          <Tooltip labelFormatter={(value) => periodLabel("date", String(value))} formatter={(value) => formatNumber(typeof value === "number" ? value : null)} />
          <Line
            dataKey="total"
            name={seriesLabel}
            type="linear"
            stroke={style.color}
            strokeWidth={2.5}
            isAnimationActive={false}
            dot={({ cx, cy, index }) =>
              cx === undefined || cy === undefined ? <g key={index} /> : <g key={index}><SeriesMarker shape={style.marker} cx={cx} cy={cy} color={style.color} /></g>
            }
            activeDot={({ cx, cy }) => (cx === undefined || cy === undefined ? <g /> : <SeriesMarker shape={style.marker} cx={cx} cy={cy} color={style.color} size={6} />)}
          />
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
