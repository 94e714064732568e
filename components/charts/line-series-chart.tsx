import { formatNumber, periodLabel, type PeriodKind } from "@/components/progress/format";
import { PlotFrame } from "./plot-frame";
import { percent, xCentre, yPixel } from "./plot-geometry";
import { SeriesLegend } from "./series-legend";
import { SeriesMarker, styleAt, type SeriesStyle } from "./series-marker";
import { niceAxis, type Axis } from "./ticks";

export type ChartRow = Record<string, string | number | null>;
export type ChartSeries = { key: string; label: string };

export type LineSeriesChartProps = {
  data: ChartRow[];
  xKey: string;
  periodKind: PeriodKind;
  series: ChartSeries[];
  yDomain: [number, number];
  label: string;
  unit?: string;
  height?: number;
  /** A single series named by its heading needs no legend. */
  showLegend?: boolean;
};

/**
 * Lines over time, each with its own colour, dash pattern and marker, drawn
 * on the server as plain SVG (no chart library sent to the phone).
 * Periods without data are null: the line bridges them (so a trend stays
 * readable) but no marker is drawn there, and the table says "—". Straight
 * segments between the real values: a smoothed curve would show highs and
 * lows nobody entered. Whole-number ticks (0–10 by 2). Each marker names its
 * period and value on hover.
 */
export function LineSeriesChart({ data, xKey, periodKind, series, yDomain, label, unit = "", height = 260, showLegend = true }: LineSeriesChartProps) {
  const axis = niceAxis(yDomain[0], yDomain[1]);
  const periods = data.map((row) => String(row[xKey]));
  return (
    <div>
      <PlotFrame
        label={label}
        height={height}
        axis={axis}
        // Labels with a unit ("100%") are wider.
        yAxisWidth={unit ? 44 : 30}
        formatTick={(value) => `${value}${unit}`}
        xLabels={periods.map((period) => periodLabel(periodKind, period, true))}
      >
        {series.map((item, index) => (
          <SeriesLine
            key={item.key}
            name={item.label}
            style={styleAt(index)}
            values={data.map((row) => numberOrNull(row[item.key]))}
            titles={periods.map((period) => periodLabel(periodKind, period))}
            axis={axis}
            height={height}
            unit={unit}
          />
        ))}
      </PlotFrame>
      {showLegend ? <SeriesLegend labels={series.map((item) => item.label)} /> : null}
    </div>
  );
}

/** One series: straight segments between consecutive real values, then a marker on each. */
export function SeriesLine({
  name,
  style,
  values,
  titles,
  axis,
  height,
  unit = "",
}: {
  name: string;
  style: SeriesStyle;
  values: (number | null)[];
  titles: string[];
  axis: Axis;
  height: number;
  unit?: string;
}) {
  const points = values.flatMap((value, index) =>
    value === null ? [] : [{ index, value, x: percent(xCentre(index, values.length)), y: yPixel(value, axis, height) }],
  );
  return (
    <g data-series={name}>
      {points.slice(1).map((point, index) => {
        const previous = points[index]!;
        return (
          <line
            key={point.index}
            x1={previous.x}
            y1={previous.y}
            x2={point.x}
            y2={point.y}
            stroke={style.color}
            strokeWidth={2.5}
            strokeDasharray={style.dash}
            strokeLinecap="round"
          />
        );
      })}
      {points.map((point) => (
        // A nested SVG at the point's position: the marker is drawn around (0, 0) in pixels.
        <svg key={point.index} x={point.x} y={point.y} overflow="visible" data-point>
          <title>{`${name}, ${titles[point.index] ?? ""}: ${formatNumber(point.value)}${unit}`}</title>
          <SeriesMarker shape={style.marker} cx={0} cy={0} color={style.color} />
        </svg>
      ))}
    </g>
  );
}

function numberOrNull(value: string | number | null | undefined): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}
