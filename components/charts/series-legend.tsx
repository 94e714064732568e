import { SeriesMarker, styleAt } from "./series-marker";
import { BarSwatch } from "./bar-patterns";

/**
 * An HTML legend under the chart: the line sample shows the same dash and
 * marker as the chart, and the label is real text (wraps at 375 px, is read
 * by screen readers, prints).
 */
export function SeriesLegend({ labels, kind = "line" }: { labels: string[]; kind?: "line" | "bar" }) {
  return (
    <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-stone-700">
      {labels.map((label, index) => {
        const style = styleAt(index);
        return (
          <li key={label} className="inline-flex items-center gap-1.5">
            {kind === "line" ? (
              <svg width="34" height="12" aria-hidden="true" className="shrink-0">
                <line x1="1" y1="6" x2="33" y2="6" stroke={style.color} strokeWidth="2.5" strokeDasharray={style.dash} />
                <SeriesMarker shape={style.marker} cx={17} cy={6} color={style.color} />
              </svg>
            ) : (
              <BarSwatch index={index} />
            )}
            {label}
          </li>
        );
      })}
    </ul>
  );
}
