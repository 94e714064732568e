import { Card } from "@/components/ui/card";

/** "screen": the table folds away under "Show as a table"; "print": no controls at all, the table unfolded, an empty card not rendered. */
export type CardVariant = "screen" | "print";

/**
 * The frame every progress chart shares: a heading, the figures in at most
 * two short sentences, the chart, and the details as a table (folded away
 * on screen, unfolded in print). With no data, a one-line note instead.
 */
export function ChartCard({
  title,
  summary,
  empty,
  table,
  tableOpen = false,
  variant = "screen",
  children,
}: {
  title: string;
  summary: React.ReactNode;
  /** When set, shown instead of the chart and table (and in print, nothing at all). */
  empty?: string | null;
  table?: React.ReactNode;
  tableOpen?: boolean;
  variant?: CardVariant;
  children?: React.ReactNode;
}) {
  if (empty && variant === "print") return null;
  return (
    <Card className="min-w-0 print:break-inside-avoid print:border-stone-300 print:shadow-none">
      <h2 className="text-lg font-semibold">{title}</h2>
      {empty ? (
        <p className="mt-2 text-sm text-stone-700">{empty}</p>
      ) : (
        <>
          <p data-summary className="mt-1 text-sm text-stone-700">
            {summary}
          </p>
          <div className="mt-4 space-y-6">{children}</div>
          {table && variant === "print" ? <div className="mt-4 space-y-4 text-sm">{table}</div> : null}
          {table && variant === "screen" ? (
            <details open={tableOpen} className="group mt-4 text-sm">
              <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-brand-700 print:hidden">Show as a table</summary>
              <div className="mt-2 space-y-4">{table}</div>
            </details>
          ) : null}
        </>
      )}
    </Card>
  );
}
