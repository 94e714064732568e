export type TableRow = { key: string; cells: React.ReactNode[] };

/** A compact table of chart figures; the first column names the row. Scrolls sideways on a narrow phone. */
export function DataTable({ caption, columns, rows }: { caption: string; columns: string[]; rows: TableRow[] }) {
  return (
    // Focusable and named, so a keyboard can scroll a table wider than the phone (axe: scrollable-region-focusable).
    <div className="overflow-x-auto rounded-lg border border-stone-200" tabIndex={0} role="region" aria-label={caption}>
      <table className="w-full text-left text-sm">
        <caption className="px-3 pt-2 text-left text-xs font-medium text-stone-600">{caption}</caption>
        <thead className="border-b border-stone-200 bg-stone-50 text-stone-600">
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, index) =>
                index === 0 ? (
                  <th key={index} scope="row" className="px-3 py-1.5 font-normal whitespace-nowrap">
                    {cell}
                  </th>
                ) : (
                  <td key={index} className="px-3 py-1.5 tabular-nums">
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
