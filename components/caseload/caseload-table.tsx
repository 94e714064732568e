"use client";

// A client component fed with plain row data: the rows are rendered once,
// into HTML, instead of first into a React Server Components tree that is
// then rendered again (on a small server that halved this table's cost).
import Link from "next/link";
import { formatPercent } from "@/components/progress/format";
import { cn } from "@/components/ui/cn";
import { CalendarDayText, DayText } from "@/components/dates/date-text";
import { formatMomentTitle, type DisplayOptions } from "@/lib/dates/display";
import type { CaseloadEntry } from "@/lib/caseload/types";
import { shortTime } from "@/lib/therapy-sessions/format";
import { flagItemsOf } from "./flag-items";
import { FlagList } from "./flag-list";
import { activityText } from "./row-text";
import { TrendLabel } from "./trend-label";

const headers = ["Client", "Flags", "Adherence (4 weeks)", "Trust trend", "Last activity", "Next due"];

/** On a practice-wide caseload: the clinicians' names by id, and who is looking (only their own rows get forms). */
export type CaseloadClinicians = { viewerId: string; names: Record<string, string> };

// Below `sm` each row becomes a stacked card. Changing the CSS display of
// table elements makes some browsers drop their table semantics, so the
// roles are stated explicitly; the inline labels repeat the column headers
// for sighted readers only.
function MobileLabel({ children }: { children: string }) {
  return (
    <span aria-hidden="true" className="block text-xs font-medium text-stone-500 sm:hidden">
      {children}
    </span>
  );
}

const cell = "sm:table-cell sm:px-3 sm:py-3 sm:align-top";

function Row({ row, view, clinicians }: { row: CaseloadEntry; view: DisplayOptions; clinicians?: CaseloadClinicians }) {
  const viewerTimeZone = view.timeZone;
  const urgent = row.attentionRank === 0;
  const readOnly = clinicians !== undefined && row.clinicianId !== clinicians.viewerId;
  return (
    <tr
      role="row"
      data-testid="caseload-row"
      className={cn("grid grid-cols-2 gap-x-4 gap-y-3 p-4 sm:table-row sm:p-0", urgent && "border-l-4 border-l-red-400 sm:border-l-0")}
    >
      <th role="rowheader" scope="row" className={cn("col-span-2 text-left font-normal", cell)}>
        <Link href={`/clients/${row.clientId}`} className="inline-flex min-h-6 items-center font-semibold text-stone-900 underline-offset-2 hover:underline">
          {row.name}
        </Link>
        <Link href={`/clients/${row.clientId}/progress`} className="flex min-h-6 w-fit items-center text-sm text-brand-700 underline underline-offset-2">
          Progress<span className="sr-only"> of {row.name}</span>
        </Link>
        {row.session ? (
          <span className="mt-1 inline-block rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-800" data-testid="caseload-session">
            Session {row.session.day}, {shortTime(row.session.startsAt, viewerTimeZone)}
          </span>
        ) : null}
        {clinicians ? (
          <span className="mt-0.5 block text-xs text-stone-600" data-testid="caseload-clinician">
            {row.clinicianId === clinicians.viewerId ? "Your client" : `With ${clinicians.names[row.clinicianId] ?? "a colleague"}`}
          </span>
        ) : null}
      </th>
      <td role="cell" className={cn("col-span-2 sm:min-w-44", cell)}>
        <MobileLabel>Flags</MobileLabel>
        <FlagList clientName={row.name} flags={flagItemsOf(row, view)} readOnly={readOnly} />
      </td>
      <td role="cell" className={cell}>
        <MobileLabel>Adherence (4 weeks)</MobileLabel>
        <span className="font-medium tabular-nums">{formatPercent(row.adherence.rate)}</span>
        <span className="block text-xs text-stone-600">
          {row.adherence.due === 0 ? "Nothing due" : `${row.adherence.done} of ${row.adherence.due} done`}
        </span>
      </td>
      <td role="cell" className={cell}>
        <MobileLabel>Trust trend</MobileLabel>
        <TrendLabel trend={row.trend} />
      </td>
      <td role="cell" className={cell}>
        <MobileLabel>Last activity</MobileLabel>
        {row.lastActivityAt ? (
          <time dateTime={row.lastActivityAt.toISOString()} title={formatMomentTitle(row.lastActivityAt, viewerTimeZone)}>
            {activityText(row.daysSinceActivity)}
          </time>
        ) : (
          "Never"
        )}
      </td>
      <td role="cell" className={cell}>
        <MobileLabel>Next due</MobileLabel>
        {row.nextDue ? (
          <>
            <span className="block">{row.nextDue.title}</span>
            {view.now ? (
              <DayText value={row.nextDue.date} view={{ ...view, capitalized: true }} className="block text-xs text-stone-600" />
            ) : (
              // No server clock given: the client's today, worked out on the server with the row.
              <CalendarDayText value={row.nextDue.date} today={row.today} capitalized className="block text-xs text-stone-600" />
            )}
          </>
        ) : (
          <span className="text-stone-500">Nothing in the next month</span>
        )}
        {row.overdueCount > 0 && row.flags.overdue === 0 ? (
          <span className="block text-xs text-stone-600">{row.overdueCount} overdue</span>
        ) : null}
      </td>
    </tr>
  );
}

/** Every active client, most urgent first; a compact table from `sm`, stacked rows below it. */
export function CaseloadTable({
  rows,
  viewerTimeZone,
  now,
  clinicians,
}: {
  rows: CaseloadEntry[];
  viewerTimeZone: string;
  /**
   * The server's clock for this page: "today" and "yesterday" are worked out
   * from it, so the browser's hydration renders the same words. Without it
   * flag times are dates ("4 Dec, 21:30") and Next due counts from the
   * client's today (computed with the row); never the browser's own today.
   */
  now?: Date;
  clinicians?: CaseloadClinicians;
}) {
  const view: DisplayOptions = now ? { timeZone: viewerTimeZone, now } : { timeZone: viewerTimeZone, relative: false };
  return (
    <div className="rounded-xl border border-stone-200 bg-white sm:overflow-x-auto">
      <table role="table" className="block w-full text-left text-sm sm:table">
        <caption className="sr-only">Active clients, most in need of attention first</caption>
        <thead role="rowgroup" className="sr-only border-b border-stone-200 bg-stone-50 text-stone-600 sm:not-sr-only sm:table-header-group">
          <tr role="row">
            {headers.map((header) => (
              <th key={header} role="columnheader" scope="col" className="px-3 py-2 font-medium">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup" className="block divide-y divide-stone-200 sm:table-row-group">
          {rows.map((row) => (
            <Row key={row.clientId} row={row} view={view} clinicians={clinicians} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
