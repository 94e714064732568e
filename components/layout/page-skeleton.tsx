export function PageSkeleton({ rows = 4 }: { rows?: number }) {
  return (
    <div aria-busy="true" aria-label="Loading" className="animate-pulse space-y-3">
      <div className="h-7 w-48 rounded bg-stone-200" />
      {Array.from({ length: rows }, (_, index) => (
        <div key={index} className="h-12 rounded-lg bg-stone-200/70" />
      ))}
    </div>
  );
}
