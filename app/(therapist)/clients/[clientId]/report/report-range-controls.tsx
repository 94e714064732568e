import { RangeSelector } from "@/components/progress/range-selector";
import { Button } from "@/components/ui/button";
import type { ProgressRange } from "@/lib/progress/range";

/**
 * Choosing the report's period: the progress page's presets, or a start and
 * end date (a plain GET form, so the period is in the address and survives
 * printing, sharing and reload). Screen only: on paper the period is written out.
 */
export function ReportRangeControls({
  basePath,
  preset,
  custom,
  input,
  error,
}: {
  basePath: string;
  preset: ProgressRange;
  custom: boolean;
  input: { from: string; to: string };
  error: { field: "from" | "to"; message: string } | null;
}) {
  const described = (field: "from" | "to") => (error?.field === field ? "report-range-error" : undefined);
  return (
    <div className="flex flex-wrap items-end gap-x-6 gap-y-3 print:hidden">
      <RangeSelector basePath={basePath} current={custom ? null : preset} />
      <form method="get" action={basePath} className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="report-from" className="block text-sm font-medium text-stone-700">
            From
          </label>
          <input
            id="report-from"
            name="from"
            type="date"
            defaultValue={input.from}
            aria-invalid={error?.field === "from" || undefined}
            aria-describedby={described("from")}
            className="mt-1 min-h-10 rounded-md border border-stone-300 bg-white px-2 text-sm"
          />
        </div>
        <div>
          <label htmlFor="report-to" className="block text-sm font-medium text-stone-700">
            To
          </label>
          <input
            id="report-to"
            name="to"
            type="date"
            defaultValue={input.to}
            aria-invalid={error?.field === "to" || undefined}
            aria-describedby={described("to")}
            className="mt-1 min-h-10 rounded-md border border-stone-300 bg-white px-2 text-sm"
          />
        </div>
        <Button type="submit" variant="secondary">
          Show these dates
        </Button>
      </form>
      {error ? (
        <p id="report-range-error" role="alert" className="w-full text-sm font-medium text-red-700">
          {error.message} The report below shows the {preset === "all" ? "whole history" : `last ${preset === "4w" ? 4 : 12} weeks`} instead.
        </p>
      ) : null}
    </div>
  );
}
