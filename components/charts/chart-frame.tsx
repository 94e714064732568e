// The chart itself is an image for assistive technology: the text summary
// above it and the table below it carry the same figures in words.
// `@container` lets the axis show more period labels when the chart is wide.
export function ChartFrame({ label, height, children }: { label: string; height: number; children: React.ReactNode }) {
  return (
    <div role="img" aria-label={label} className="@container w-full min-w-0" style={{ height }}>
      {children}
    </div>
  );
}
