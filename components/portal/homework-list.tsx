import Link from "next/link";
import { startLogEntryAction } from "@/lib/homework/actions";
import { formatCalendarDay } from "@/lib/dates/display";
import type { LocalDate } from "@/lib/dates/local-date";
import type { HomeworkItem } from "@/lib/homework/portal-overview";
import { buttonClasses } from "@/components/ui/button";

function ItemCard({ item, today, kind }: { item: HomeworkItem; today: LocalDate; kind: "today" | "overdue" | "upcoming" }) {
  // The client's own calendar: "Opens tomorrow", "Was due 3 days ago", "Due 12 Dec".
  const day = (date: LocalDate) => formatCalendarDay(date, today);
  const when =
    kind === "upcoming"
      ? `Opens ${day(item.opensOn ?? item.dueOn)}`
      : kind === "overdue"
        ? `Was due ${day(item.dueOn)}`
        : item.dueOn !== today
          ? `Due ${day(item.dueOn)}`
          : null;
  return (
    <li className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm" data-testid={`homework-${kind}`}>
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 className="text-lg font-semibold text-stone-900">{item.title}</h3>
          <p className="text-sm text-stone-600">
            About {item.estimatedMinutes} min
            {item.progress ? ` · day ${item.progress.day} of ${item.progress.of}` : ""}
            {item.isLog && item.entriesToday ? ` · ${item.entriesToday} ${item.entriesToday === 1 ? "entry" : "entries"} today` : ""}
            {when ? ` · ${when}` : ""}
          </p>
        </div>
        {item.hasDraft ? <span className="shrink-0 rounded-full bg-amber-50 px-2 py-0.5 text-xs font-semibold text-amber-900 ring-1 ring-amber-200">Draft saved</span> : null}
      </div>
      {item.note ? <p className="mt-2 rounded-lg bg-stone-50 p-3 text-base text-stone-700 wrap-anywhere">“{item.note}”</p> : null}
      {kind !== "upcoming" ? (
        <div className="mt-3">
          {item.isLog ? (
            <form action={startLogEntryAction}>
              <input type="hidden" name="assignmentId" value={item.assignmentId} />
              <button type="submit" className={buttonClasses("primary", "w-full sm:w-auto")}>
                {item.hasDraft ? "Continue entry" : item.entriesToday ? "Add another entry" : "Add an entry"}
              </button>
            </form>
          ) : (
            <Link href={`/portal/homework/${item.assignmentId}/${item.entryKey}`} className={buttonClasses("primary", "w-full sm:w-auto")}>
              {item.hasDraft ? "Continue" : "Start"}
            </Link>
          )}
        </div>
      ) : null}
    </li>
  );
}

export function HomeworkSection({
  title,
  items,
  today,
  kind,
  empty,
}: {
  title: string;
  items: HomeworkItem[];
  today: LocalDate;
  kind: "today" | "overdue" | "upcoming";
  empty?: string;
}) {
  if (items.length === 0 && !empty) return null;
  return (
    <section aria-labelledby={`section-${kind}`} className="space-y-3">
      <h2 id={`section-${kind}`} className="text-xl font-semibold">
        {title}
      </h2>
      {items.length === 0 ? (
        <p className="rounded-xl border border-dashed border-stone-300 p-4 text-stone-600">{empty}</p>
      ) : (
        <ul className="space-y-3">
          {items.map((item) => (
            <ItemCard key={`${item.assignmentId}-${item.dueOn}`} item={item} today={today} kind={kind} />
          ))}
        </ul>
      )}
    </section>
  );
}
