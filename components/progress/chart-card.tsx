import { Card } from "@/components/ui/card";

/**
 * The frame every progress chart shares: a heading, the figures in one
 * paragraph of words, the chart, and the same figures as a table (folded
 * away on screen, unfolded in the printable report). With no data, the
 * empty text says what would fill it.
 */
export function ChartCard({
  title,
  summary,
  empty,
  table,
  tableOpen = false,
  children,
}: {
  title: string;
  summary: React.ReactNode;
  /** When set, shown instead of the chart and table. */
  empty?: string | null;
  table?: React.ReactNode;
  tableOpen?: boolean;
  children?: React.ReactNode;
}) {
  return (
    <Card className="min-w-0 print:break-inside-avoid print:border-stone-300 print:shadow-none">
      <h2 className="text-lg font-semibold">{title}</h2>
      {empty ? (
        <p className="mt-3 rounded-lg border border-dashed border-stone-300 p-5 text-center text-stone-600">{empty}</p>
      ) : (
        <>
          <p className="mt-1 text-sm text-stone-700">{summary}</p>
          <div className="mt-4 space-y-6">{children}</div>
          {table ? (
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
