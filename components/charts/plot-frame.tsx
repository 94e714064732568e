import { ChartFrame } from "./chart-frame";
import { PLOT_BOTTOM, percent, xCentre, xLabelSteps, yPixel } from "./plot-geometry";
import type { Axis } from "./ticks";

const TICK_TEXT = { fontSize: 12, fill: "#44403c" } as const;

/**
 * The axes every server-drawn chart shares: a y-axis column of fixed width
 * with whole-number ticks and grid lines, the period labels under the plot
 * (fewer on a phone), and the plot itself, drawn by `children` in pixels
 * down and percentages across.
 */
export function PlotFrame({
  label,
  height,
  axis,
  yAxisWidth,
  formatTick,
  xLabels,
  gridColor = "#e7e5e4",
  background,
  children,
}: {
  label: string;
  height: number;
  axis: Axis;
  yAxisWidth: number;
  formatTick: (value: number) => string;
  xLabels: string[];
  gridColor?: string;
  /** Drawn under the grid lines (shaded bands). */
  background?: React.ReactNode;
  children: React.ReactNode;
}) {
  const steps = xLabelSteps(xLabels.length);
  const baseline = yPixel(axis.domain[0], axis, height);
  return (
    <ChartFrame label={label} height={height}>
      <div className="flex h-full">
        <svg width={yAxisWidth} height={height} aria-hidden="true" className="shrink-0" data-axis="y">
          {axis.ticks.map((tick) => (
            <text key={tick} x={yAxisWidth - 6} y={yPixel(tick, axis, height)} dy="0.32em" textAnchor="end" data-tick {...TICK_TEXT}>
              {formatTick(tick)}
            </text>
          ))}
        </svg>
        <svg width="100%" height={height} aria-hidden="true" className="min-w-0 flex-1 overflow-visible" data-plot>
          {background}
          {axis.ticks.map((tick) => (
            <line key={tick} x1="0" x2="100%" y1={yPixel(tick, axis, height)} y2={yPixel(tick, axis, height)} stroke={gridColor} />
          ))}
          {children}
          <line x1="0" x2="100%" y1={baseline} y2={baseline} stroke="#78716c" />
          {xLabels.map((text, index) => (
            <text
              key={index}
              x={percent(xCentre(index, xLabels.length))}
              y={height - PLOT_BOTTOM + 17}
              textAnchor="middle"
              data-period
              className={xLabelClass(index, steps)}
              {...TICK_TEXT}
            >
              {text}
            </text>
          ))}
        </svg>
      </div>
    </ChartFrame>
  );
}

// Literal class names (Tailwind finds them in the source): shown on a phone
// and/or from a 32rem-wide chart.
function xLabelClass(index: number, steps: { phone: number; desktop: number }): string | undefined {
  const onPhone = index % steps.phone === 0;
  const onDesktop = index % steps.desktop === 0;
  if (onPhone && onDesktop) return undefined;
  if (onDesktop) return "hidden @lg:inline";
  if (onPhone) return "@lg:hidden";
  return "hidden";
}
