import Link from "next/link";
import type { InboxItem } from "@/lib/review/list-inbox";
import { formatDateTime } from "@/lib/dates/format";

export function InboxTable({ items, viewerTimeZone }: { items: InboxItem[]; viewerTimeZone: string }) {
  if (items.length === 0) {
    return <p className="rounded-lg border border-dashed border-stone-300 p-6 text-center text-stone-600">Nothing waiting for review.</p>;
  }
  return (
    <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-stone-200 bg-stone-50 text-stone-600">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Client</th>
            <th scope="col" className="px-3 py-2 font-medium">Exercise</th>
            <th scope="col" className="hidden px-3 py-2 font-medium sm:table-cell">For</th>
            <th scope="col" className="px-3 py-2 font-medium">Submitted</th>
            <th scope="col" className="px-3 py-2 font-medium"><span className="sr-only">Status</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {items.map((item) => (
            <tr key={item.id} className={item.reviewed ? "text-stone-600" : "font-medium text-stone-900"} data-testid="inbox-row">
              <td className="px-3 py-2.5">{item.clientName}</td>
              <td className="px-3 py-2.5">
                <Link href={`/review/${item.id}`} className="underline-offset-2 hover:underline">
                  {item.title}
                </Link>
              </td>
              <td className="hidden px-3 py-2.5 sm:table-cell">{item.dueOn}</td>
              <td className="px-3 py-2.5 whitespace-nowrap">{formatDateTime(item.submittedAt, viewerTimeZone)}</td>
              <td className="px-3 py-2.5 text-right whitespace-nowrap">
                {item.safetyConcern ? <span className="mr-2 rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-800">Safety</span> : null}
                {item.unreadReplies > 0 ? (
                  <span className="mr-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900" data-testid="new-reply">
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
