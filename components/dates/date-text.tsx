// The one date style (lib/dates/display.ts) as a <time>: words or a short
// date on screen, the full date in its title, so relative words never hide
// the date. No hooks and no "use client": server pages and client components
// render it alike. A client component must be given `now` (or the finished
// text) by the server, or "today" could differ between server and browser.
import {
  formatCalendarDay,
  formatDay,
  formatDayTitle,
  formatMoment,
  formatMomentTitle,
  formatMomentWithTime,
  type DisplayOptions,
} from "@/lib/dates/display";
import { todayIn, type LocalDate } from "@/lib/dates/local-date";

/** A day: "today", "3 days ago", "3 Dec". A Date is read in the viewer's zone. */
export function DayText({ value, view, className }: { value: Date | LocalDate; view: DisplayOptions; className?: string }) {
  const day = typeof value === "string" ? value : todayIn(view.timeZone, value);
  return (
    <time dateTime={typeof value === "string" ? value : value.toISOString()} title={formatDayTitle(day)} className={className}>
      {formatDay(value, view)}
    </time>
  );
}

/** A calendar day against a today the page already worked out (the portal's). */
export function CalendarDayText({
  value,
  today,
  relative,
  capitalized,
  className,
}: {
  value: LocalDate;
  today: LocalDate;
  relative?: boolean;
  capitalized?: boolean;
  className?: string;
}) {
  return (
    <time dateTime={value} title={formatDayTitle(value)} className={className}>
      {formatCalendarDay(value, today, { relative, capitalized })}
    </time>
  );
}

/** An instant: "today, 08:05", "3 days ago"; `withTime` keeps the clock on every day ("3 days ago, 14:00"). */
export function MomentText({ value, view, withTime = false, className }: { value: Date; view: DisplayOptions; withTime?: boolean; className?: string }) {
  return (
    <time dateTime={value.toISOString()} title={formatMomentTitle(value, view.timeZone)} className={className}>
      {withTime ? formatMomentWithTime(value, view) : formatMoment(value, view)}
    </time>
  );
}
