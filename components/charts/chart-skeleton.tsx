/** Stands in for one chart card while its figures load. */
export function ChartSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading chart" className="animate-pulse rounded-xl border border-stone-200 bg-white p-5 shadow-sm sm:p-6">
      <div className="h-6 w-48 rounded bg-stone-200" />
      <div className="mt-3 h-4 w-full rounded bg-stone-200/70" />
      <div className="mt-2 h-4 w-3/4 rounded bg-stone-200/70" />
      <div className="mt-5 h-52 rounded-lg bg-stone-100" />
    </div>
  );
}
