// Each series differs in colour AND dash pattern AND marker shape, so the
// charts read the same in greyscale, in print and for colour-blind readers.
export type MarkerShape = "circle" | "square" | "triangle" | "diamond" | "cross";

export type SeriesStyle = { color: string; dash: string | undefined; marker: MarkerShape };

// Okabe–Ito-derived colours, darkened for at least 3:1 against white.
export const SERIES_STYLES: readonly SeriesStyle[] = [
  { color: "#1c5a40", dash: undefined, marker: "circle" },
  { color: "#0069a6", dash: "8 4", marker: "square" },
  { color: "#c24e00", dash: "2 3", marker: "triangle" },
  { color: "#7e3c8c", dash: "10 4 2 4", marker: "diamond" },
  { color: "#57534e", dash: "4 4", marker: "cross" },
];

export function styleAt(index: number): SeriesStyle {
  return SERIES_STYLES[index % SERIES_STYLES.length] ?? { color: "#1c5a40", dash: undefined, marker: "circle" };
}

/** An SVG marker centred on (cx, cy). */
export function SeriesMarker({ shape, cx, cy, color, size = 4 }: { shape: MarkerShape; cx: number; cy: number; color: string; size?: number }) {
  const common = { fill: color, stroke: "#fff", strokeWidth: 1 };
  switch (shape) {
    case "circle":
      return <circle cx={cx} cy={cy} r={size} {...common} />;
    case "square":
      return <rect x={cx - size} y={cy - size} width={size * 2} height={size * 2} {...common} />;
    case "triangle":
      return <polygon points={`${cx},${cy - size - 1} ${cx + size + 1},${cy + size} ${cx - size - 1},${cy + size}`} {...common} />;
    case "diamond":
      return <polygon points={`${cx},${cy - size - 1} ${cx + size + 1},${cy} ${cx},${cy + size + 1} ${cx - size - 1},${cy}`} {...common} />;
    case "cross":
      return (
        <g stroke={color} strokeWidth={2.5} strokeLinecap="round">
          <line x1={cx - size} y1={cy - size} x2={cx + size} y2={cy + size} />
          <line x1={cx - size} y1={cy + size} x2={cx + size} y2={cy - size} />
        </g>
      );
  }
}
