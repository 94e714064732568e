import Link from "next/link";
import type { InboxItem } from "@/lib/review/list-inbox";
import { formatDay, formatDayTitle, formatMoment, formatMomentTitle } from "@/lib/dates/display";
import { cn } from "@/components/ui/cn";

/**
 * Entries as a table on wider screens and as stacked cards on a phone (the
 * same rows restyled, so the status is never cut off). With `selectForm`,
 * each entry not yet reviewed gets a checkbox belonging to that form (the
 * inbox's "Mark reviewed").
 */
export function InboxTable({ items, viewerTimeZone, selectForm }: { items: InboxItem[]; viewerTimeZone: string; selectForm?: string }) {
  if (items.length === 0) {
    return <p className="rounded-lg border border-dashed border-stone-300 p-6 text-center text-stone-600">Nothing waiting for review.</p>;
  }
  const now = new Date();
  const selectable = Boolean(selectForm);
  return (
    <div className="rounded-xl border border-stone-200 bg-white sm:overflow-x-auto">
      <table className="block w-full text-left text-sm sm:table">
        <thead className="hidden border-b border-stone-200 bg-stone-50 text-stone-600 sm:table-header-group">
          <tr>
            {selectable ? (
              <th scope="col" className="w-10 px-3 py-2 font-medium">
                <span className="sr-only">Select</span>
              </th>
            ) : null}
            <th scope="col" className="px-3 py-2 font-medium">Client</th>
            <th scope="col" className="px-3 py-2 font-medium">Exercise</th>
            <th scope="col" className="px-3 py-2 font-medium">For</th>
            <th scope="col" className="px-3 py-2 font-medium">Submitted</th>
            <th scope="col" className="px-3 py-2 font-medium">
              <span className="sr-only">Status</span>
            </th>
          </tr>
        </thead>
        <tbody className="block divide-y divide-stone-100 sm:table-row-group">
          {items.map((item) => (
            <tr
              key={item.id}
              className={cn(
                "grid gap-x-3 gap-y-0.5 px-3 py-3 sm:table-row sm:p-0",
                selectable ? "grid-cols-[auto_minmax(0,1fr)_auto]" : "grid-cols-[minmax(0,1fr)_auto]",
                item.reviewed ? "text-stone-600" : "font-medium text-stone-900",
              )}
              data-testid="inbox-row"
            >
              {selectable ? (
                <td className="col-start-1 row-span-3 row-start-1 sm:px-3 sm:py-1.5">
                  {item.reviewed ? null : (
                    <label className="inline-flex size-8 cursor-pointer items-center justify-center">
                      <input
                        type="checkbox"
                        name="submissionIds"
                        value={item.id}
                        form={selectForm}
                        className="size-5 accent-brand-700"
                        aria-label={`Select ${item.title} from ${item.clientName}`}
                      />
                    </label>
                  )}
                </td>
              ) : null}
              <td className={cn("row-start-1 min-w-0 sm:px-3 sm:py-2.5", selectable ? "col-start-2" : "col-start-1")}>{item.clientName}</td>
              <td className={cn("row-start-2 min-w-0 sm:px-3 sm:py-2.5", selectable ? "col-span-2 col-start-2" : "col-span-2 col-start-1")}>
                <Link href={`/review/${item.id}`} className="underline-offset-2 hover:underline">
                  {item.title}
                </Link>
              </td>
              <td className={cn("row-start-3 inline text-stone-600 sm:table-cell sm:px-3 sm:py-2.5 sm:text-inherit", selectable ? "col-start-2" : "col-start-1")}>
                <span className="sm:hidden">For </span>
                <time dateTime={item.dueOn} title={formatDayTitle(item.dueOn)}>
                  {formatDay(item.dueOn, { timeZone: viewerTimeZone, now })}
                </time>
                <span className="sm:hidden">
                  {" · sent "}
                  {formatMoment(item.submittedAt, { timeZone: viewerTimeZone, now })}
                </span>
              </td>
              <td className="hidden whitespace-nowrap sm:table-cell sm:px-3 sm:py-2.5">
                <time dateTime={item.submittedAt.toISOString()} title={formatMomentTitle(item.submittedAt, viewerTimeZone)}>
                  {formatMoment(item.submittedAt, { timeZone: viewerTimeZone, now })}
                </time>
              </td>
              <td
                className={cn(
                  "row-start-1 flex flex-wrap justify-end gap-1 text-right sm:table-cell sm:px-3 sm:py-2.5 sm:whitespace-nowrap",
                  selectable ? "col-start-3" : "col-start-2",
                )}
                data-testid="inbox-status"
              >
                {item.safetyConcern ? <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-800 sm:mr-2">Safety</span> : null}
                {item.unreadReplies > 0 ? (
                  <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900 sm:mr-2" data-testid="new-reply">
                    {item.unreadReplies === 1 ? "New reply" : `${item.unreadReplies} new replies`}
                  </span>
                ) : null}
                {item.reviewed ? "Reviewed" : <span className="rounded bg-brand-700 px-1.5 py-0.5 text-xs font-semibold text-white">New</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
