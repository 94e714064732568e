import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { PROGRESS_RANGES, RANGE_LABELS, type ProgressRange } from "@/lib/progress/range";

/**
 * Plain links (`?range=…`), so the choice survives reload, sharing and the back button, and works without JavaScript.
 * `current` null marks no preset (the report while its own dates are chosen).
 */
export function RangeSelector({ basePath, current }: { basePath: string; current: ProgressRange | null }) {
  return (
    <nav aria-label="Time range" className="print:hidden">
      <ul className="inline-flex rounded-lg border border-stone-300 bg-white p-0.5">
        {PROGRESS_RANGES.map((range) => (
          <li key={range}>
            <Link
              href={`${basePath}?range=${range}`}
              aria-current={range === current ? "page" : undefined}
              className={cn(
                "inline-flex min-h-10 items-center rounded-md px-3 text-sm font-medium",
                range === current ? "bg-brand-700 text-white" : "text-stone-700 hover:bg-stone-100",
              )}
            >
              {RANGE_LABELS[range]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
