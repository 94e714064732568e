import type { Metadata } from "next";
import Link from "next/link";
import { longDate } from "@/components/progress/format";
import { INTERACTIVE_CHARTS } from "@/components/charts/interactive/interactive-kit";
import { CoupleCard } from "@/components/progress/couple-card";
import { ProgressCards } from "@/components/progress/progress-cards";
import { RangeSelector } from "@/components/progress/range-selector";
import { buttonClasses } from "@/components/ui/button";
import { orDenied, recordView } from "@/lib/audit/record-view";
import { requireTherapist } from "@/lib/auth/session";
import { clientReadScope } from "@/lib/practice/access";
import { getProgressOverview } from "@/lib/progress/get-progress-overview";
import { loadSubject } from "@/lib/progress/load-subject";
import { parseRange } from "@/lib/progress/range";
import { therapistViewer } from "@/lib/progress/viewer";

export const metadata: Metadata = { title: "Progress" };

type Props = {
  params: Promise<{ clientId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function ClientProgressPage({ params, searchParams }: Props) {
  const [{ clientId }, query] = await Promise.all([params, searchParams]);
  const therapist = await requireTherapist();
  const view = { action: "client.progress_viewed", subjectType: "Client", subjectId: clientId } as const;
  // The owner and the client's supervisors read this page too (audited).
  const scope = await orDenied(therapist, view, () => clientReadScope(therapist, clientId));
  const viewer = therapistViewer(scope, clientId);
  // The same (request-cached) access check every card repeats; a client who
  // isn't the caller's is a 404, like everywhere else.
  const subject = await orDenied(therapist, view, () => loadSubject(viewer));
  await recordView(therapist, { ...view, clientId: subject.clientId });
  // No choice in the address: the default opens where the client's homework starts.
  const overview = await getProgressOverview(viewer, query.range === undefined ? null : parseRange(query.range));
  const range = overview.range;
  const base = `/clients/${subject.clientId}`;

  return (
    <div className="space-y-6">
      <Link href={base} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline print:hidden">
        ← {subject.displayName}
      </Link>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Progress</h1>
          <p className="mt-1 text-sm text-stone-600">
            {subject.displayName} · dates in {subject.timeZone.replaceAll("_", " ")} · today is {longDate(subject.today)} for them
          </p>
        </div>
        <Link href={`${base}/report?range=${range}`} className={buttonClasses("secondary", "print:hidden")}>
          Print report
        </Link>
      </div>
      <RangeSelector basePath={`${base}/progress`} current={range} />
      <ProgressCards
        viewer={viewer}
        range={range}
        audience="therapist"
        overview={overview}
        charts={INTERACTIVE_CHARTS}
        coupleCard={subject.partnerId ? <CoupleCard scope={scope} clientId={subject.clientId} range={range} /> : undefined}
      />
    </div>
  );
}
