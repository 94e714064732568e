import Link from "next/link";
import { CalendarDayText } from "@/components/dates/date-text";
import type { LocalDate } from "@/lib/dates/local-date";
import type { DoneItem } from "@/lib/homework/portal-overview";

export function DoneList({ items, today }: { items: DoneItem[]; today: LocalDate }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="section-done" className="space-y-3">
      <h2 id="section-done" className="text-xl font-semibold">
        Done
      </h2>
      <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
        {items.map((item) => (
          <li key={item.submissionId}>
            <Link href={`/portal/entries/${item.submissionId}`} className="flex items-center justify-between gap-3 p-4 hover:bg-stone-50" data-testid="homework-done">
              <span className="min-w-0">
                <span className="block font-medium text-stone-900">{item.title}</span>
                <CalendarDayText value={item.dueOn} today={today} capitalized className="text-sm text-stone-600" />
              </span>
              {item.unreadFeedback ? (
                <span className="shrink-0 rounded-full bg-brand-700 px-2.5 py-0.5 text-xs font-semibold text-white">New feedback</span>
              ) : item.hasFeedback ? (
                <span className="shrink-0 text-sm text-brand-700">Feedback</span>
              ) : (
                <span className="shrink-0 text-sm text-stone-500">Sent ✓</span>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
