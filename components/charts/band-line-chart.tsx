import { periodLabel } from "@/components/progress/format";
import { SeriesLine } from "./line-series-chart";
import { PlotFrame } from "./plot-frame";
import { yPixel } from "./plot-geometry";
import { styleAt } from "./series-marker";

export type Band = { from: number; to: number; label: string };

// Light to darker greys: the bands are ordered by their labels and shade,
// never by hue alone.
export const BAND_FILLS = ["#fafaf9", "#f5f5f4", "#e7e5e4", "#d6d3d1", "#c4c0bc"];

export type BandLineChartProps = {
  data: { date: string; total: number }[];
  bands: Band[];
  max: number;
  label: string;
  seriesLabel: string;
  height?: number;
};

/**
 * A questionnaire total over time with its published severity bands shaded
 * and labelled behind the line, drawn on the server as plain SVG. Bands meet
 * half-way between whole scores, so a total of 10 sits clearly inside "10–14".
 */
export function BandLineChart({ data, bands, max, label, seriesLabel, height = 280 }: BandLineChartProps) {
  const axis = { domain: [0, max] as [number, number], ticks: Array.from({ length: Math.floor(max / 5) + 1 }, (_, index) => index * 5) };
  return (
    <PlotFrame
      label={label}
      height={height}
      axis={axis}
      yAxisWidth={30}
      formatTick={String}
      xLabels={data.map((row) => periodLabel("date", row.date, true))}
      gridColor="#d6d3d180"
      background={bands.map((band, index) => {
        const top = yPixel(Math.min(max, band.to + 0.5), axis, height);
        const bottom = yPixel(Math.max(0, band.from - 0.5), axis, height);
        return (
          <g key={band.label} data-band>
            <rect x="0" width="100%" y={top} height={Math.max(0, bottom - top)} fill={BAND_FILLS[index] ?? "#e7e5e4"} />
            {bottom - top >= 14 ? (
              <text x="100%" dx={-4} y={top + 12} textAnchor="end" fontSize={11} fill="#44403c">
                {`${band.label} ${band.from}–${band.to}`}
              </text>
            ) : null}
          </g>
        );
      })}
    >
      <SeriesLine
        name={seriesLabel}
        style={styleAt(0)}
        values={data.map((row) => (Number.isFinite(row.total) ? row.total : null))}
        titles={data.map((row) => periodLabel("date", row.date))}
        axis={axis}
        height={height}
      />
    </PlotFrame>
  );
}
