import type { Metadata } from "next";
import Link from "next/link";
import { longDate } from "@/components/progress/format";
import { PrintButton } from "@/components/progress/print-button";
import { ProgressCards } from "@/components/progress/progress-cards";
import { RangeSelector } from "@/components/progress/range-selector";
import { orDenied, recordView } from "@/lib/audit/record-view";
import { requireTherapist } from "@/lib/auth/session";
import { clientReadScope } from "@/lib/practice/access";
import { loadSubject } from "@/lib/progress/load-subject";
import { parseRange, RANGE_LABELS, rangeWindow } from "@/lib/progress/range";
import { therapistViewer } from "@/lib/progress/viewer";

export const metadata: Metadata = { title: "Progress report" };

type Props = {
  params: Promise<{ clientId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// The app header comes from the therapist layout, outside this page: hide it
// (and anything else marked print:hidden) on paper.
const PRINT_CSS = "@media print { body > header { display: none !important; } body { background: #fff !important; } main { max-width: none !important; padding: 0 !important; } }";

export default async function ClientReportPage({ params, searchParams }: Props) {
  const [{ clientId }, query] = await Promise.all([params, searchParams]);
  const therapist = await requireTherapist();
  const view = { action: "client.report_viewed", subjectType: "Client", subjectId: clientId } as const;
  // The owner and the client's supervisors read this page too (audited).
  const scope = await orDenied(therapist, view, () => clientReadScope(therapist, clientId));
  const viewer = therapistViewer(scope, clientId);
  const subject = await orDenied(therapist, view, () => loadSubject(viewer));
  await recordView(therapist, { ...view, clientId: subject.clientId });
  const range = parseRange(query.range);
  const window = rangeWindow(range, subject.today);
  const base = `/clients/${subject.clientId}`;
  const period = window.from ? `${longDate(window.from)} to ${longDate(window.today)}` : `Everything up to ${longDate(window.today)}`;

  return (
    <div className="space-y-6">
      <style>{PRINT_CSS}</style>
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <Link href={`${base}/progress?range=${range}`} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
          ← Back to progress
        </Link>
        <PrintButton />
      </div>
      <header className="border-b border-stone-200 pb-4">
        <p className="text-sm font-medium text-stone-600">Progress report · confidential</p>
        <h1 className="text-2xl font-semibold tracking-tight">{subject.displayName}</h1>
        <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm text-stone-700 sm:grid-cols-[auto_1fr]">
          <dt className="font-medium">Period</dt>
          <dd>
            {period} ({RANGE_LABELS[range].toLowerCase()})
          </dd>
          <dt className="font-medium">Dates</dt>
          <dd>In the client’s time zone, {subject.timeZone.replaceAll("_", " ")}; weeks start on Monday</dd>
        </dl>
      </header>
      <RangeSelector basePath={`${base}/report`} current={range} />
      <ProgressCards
        viewer={viewer}
        range={range}
        audience="therapist"
        tableOpen
        couple={subject.partnerId ? { scope, clientId: subject.clientId } : undefined}
      />
    </div>
  );
}
