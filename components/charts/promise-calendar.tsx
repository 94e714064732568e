import { addDays, weekdayOf, type LocalDate } from "@/lib/dates/local-date";
import { longDate } from "@/components/progress/format";
import { cn } from "@/components/ui/cn";

export type CalendarStatus = "kept" | "partly" | "not_kept";

const MARKS: Record<CalendarStatus | "none", { symbol: string; words: string; className: string }> = {
  kept: { symbol: "✓", words: "kept", className: "bg-brand-100 text-brand-900 font-semibold" },
  partly: { symbol: "½", words: "partly kept", className: "bg-amber-50 text-amber-900 font-semibold" },
  not_kept: { symbol: "✗", words: "not kept", className: "bg-stone-200 text-stone-800 font-semibold" },
  // Text on every cell meets 4.5:1, the quiet "no entry" days included.
  none: { symbol: "·", words: "no entry", className: "text-stone-600" },
};

const WEEKDAYS = [
  ["Mon", "Monday"],
  ["Tue", "Tuesday"],
  ["Wed", "Wednesday"],
  ["Thu", "Thursday"],
  ["Fri", "Friday"],
  ["Sat", "Saturday"],
  ["Sun", "Sunday"],
] as const;

/**
 * Kept / partly / not kept per day as a calendar table: a symbol and a word
 * for every day (never colour alone). Weeks run Monday to Sunday from the
 * week of the first entry shown (`days` is oldest first) to today, so a
 * long range doesn't open with rows of empty weeks; days after today are
 * blank.
 */
export function PromiseCalendar({ days, today }: { days: { date: LocalDate; status: CalendarStatus }[]; today: LocalDate }) {
  const byDate = new Map(days.map((day) => [day.date, day.status]));
  const first = days[0]?.date ?? today;
  const start = addDays(first, -((weekdayOf(first) + 6) % 7));
  const weeks: LocalDate[][] = [];
  for (let monday = start; monday <= today; monday = addDays(monday, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, offset) => addDays(monday, offset)));
  }
  return (
    <div>
      <table className="w-full max-w-md table-fixed border-separate border-spacing-1 text-center text-sm">
        <caption className="sr-only">Promises kept, day by day</caption>
        <thead>
          <tr>
            {WEEKDAYS.map(([short, long]) => (
              <th key={short} scope="col" className="text-xs font-medium text-stone-600">
                <abbr title={long} className="no-underline">
                  {short}
                </abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((date) => {
                if (date > today) return <td key={date} />;
                const mark = MARKS[byDate.get(date) ?? "none"];
                return (
                  <td key={date} className={cn("h-11 rounded-md align-middle leading-tight", mark.className)}>
                    <span aria-hidden="true" className="block text-[11px] font-normal">
                      {Number(date.slice(8))}
                    </span>
                    <span aria-hidden="true" className="block text-base">
                      {mark.symbol}
                    </span>
                    <span className="sr-only">{`${longDate(date)}: ${mark.words}`}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-sm text-stone-600">
        <span aria-hidden="true">✓</span> kept · <span aria-hidden="true">½</span> partly · <span aria-hidden="true">✗</span> not kept ·{" "}
        <span aria-hidden="true">·</span> no entry
      </p>
    </div>
  );
}
