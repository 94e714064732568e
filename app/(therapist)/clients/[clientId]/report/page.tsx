import type { Metadata } from "next";
import Link from "next/link";
import { longDate } from "@/components/progress/format";
import { PrintButton } from "@/components/progress/print-button";
import { CoupleCard } from "@/components/progress/couple-card";
import { ProgressCards } from "@/components/progress/progress-cards";
import { orDenied, recordView } from "@/lib/audit/record-view";
import { requireTherapist } from "@/lib/auth/session";
import { listReportFlags } from "@/lib/exports/report-flags";
import { parseReportRange } from "@/lib/exports/report-range";
import { clientReadScope } from "@/lib/practice/access";
import { loadSubject } from "@/lib/progress/load-subject";
import { parseRange, RANGE_LABELS, rangeWindow } from "@/lib/progress/range";
import { therapistViewer } from "@/lib/progress/viewer";
import { OpenFlags } from "./open-flags";
import { ReportRangeControls } from "./report-range-controls";

export const metadata: Metadata = { title: "Progress report" };

type Props = {
  params: Promise<{ clientId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/**
 * The client's progress on paper. Print rules live in app/globals.css
 * (the `@media print` block): on paper there is nothing to click, the
 * chosen period is written out, empty cards are left out (variant="print")
 * and open safety flags come first.
 */
export default async function ClientReportPage({ params, searchParams }: Props) {
  const [{ clientId }, query] = await Promise.all([params, searchParams]);
  const therapist = await requireTherapist();
  const view = { action: "client.report_viewed", subjectType: "Client", subjectId: clientId } as const;
  // The owner and the client's supervisors read this page too (audited).
  const scope = await orDenied(therapist, view, () => clientReadScope(therapist, clientId));
  const viewer = therapistViewer(scope, clientId);
  const subject = await orDenied(therapist, view, () => loadSubject(viewer));
  await recordView(therapist, { ...view, clientId: subject.clientId });

  const preset = parseRange(query.range);
  const { period, error, input } = parseReportRange(query, preset, subject.today);
  const flags = await listReportFlags(scope, subject.clientId);
  const base = `/clients/${subject.clientId}`;
  const span = (from: string | null, to: string) => (from ? `${longDate(from)} to ${longDate(to)}` : `Everything up to ${longDate(to)}`);
  // Charts and tables show whole weeks: a chosen first day that is not a Monday starts its week's row.
  const firstWeek = period.custom && period.from ? rangeWindow(period.chart, subject.today).from : null;

  return (
    // About the printable width of A4 on screen too: charts are drawn at their on-screen size.
    <div className="report mx-auto max-w-[720px] space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <Link href={`${base}/progress?range=${preset}`} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
          ← Back to progress
        </Link>
        <PrintButton />
      </div>
      <header className="border-b border-stone-200 pb-4 print:pb-2">
        <p className="text-sm font-medium text-stone-600">Progress report · confidential</p>
        <h1 className="text-2xl font-semibold tracking-tight">{subject.displayName}</h1>
        <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm text-stone-700 sm:grid-cols-[auto_1fr] print:grid-cols-[auto_1fr]">
          <dt className="font-medium">Period</dt>
          <dd data-testid="report-period">
            {span(period.from, period.to)}
            {period.custom ? null : ` (${RANGE_LABELS[preset].toLowerCase()})`}
          </dd>
          {firstWeek && firstWeek !== period.from ? (
            <>
              <dt className="font-medium">Charts</dt>
              <dd>By whole weeks, from the week of {longDate(firstWeek)}; nothing after {longDate(period.to)}</dd>
            </>
          ) : null}
          <dt className="font-medium">Dates</dt>
          <dd>In the client’s time zone, {subject.timeZone.replaceAll("_", " ")}; weeks start on Monday</dd>
          <dt className="hidden font-medium print:block">Figures</dt>
          <dd className="hidden print:block">Week-by-week numbers behind each chart: this report on screen, or the CSV export</dd>
        </dl>
      </header>
      <ReportRangeControls basePath={`${base}/report`} preset={preset} custom={period.custom} input={input} error={error} />
      <OpenFlags flags={flags} timeZone={subject.timeZone} />
      <ProgressCards
        viewer={viewer}
        range={period.chart}
        audience="therapist"
        variant="print"
        coupleCard={subject.partnerId ? <CoupleCard scope={scope} clientId={subject.clientId} range={period.chart} variant="print" /> : undefined}
      />
    </div>
  );
}
