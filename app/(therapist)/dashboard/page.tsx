import type { Metadata } from "next";
import Link from "next/link";
import { CaseloadCounts } from "@/components/caseload/caseload-counts";
import { CaseloadPager } from "@/components/caseload/caseload-pager";
import { CaseloadSearch } from "@/components/caseload/caseload-search";
import { CaseloadTable } from "@/components/caseload/caseload-table";
import { requireTherapist } from "@/lib/auth/session";
import { getCaseload } from "@/lib/caseload/get-caseload";
import { pageOf } from "@/lib/caseload/paginate";
import { therapistScope } from "@/lib/clients/scope";
import { caseloadSearchSchema } from "@/lib/validations/caseload";

export const metadata: Metadata = { title: "Caseload" };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const therapist = await requireTherapist();
  const { q, page } = caseloadSearchSchema.parse(await searchParams);
  const { rows, counts } = await getCaseload(therapistScope(therapist), { q });
  // Ranked by need, a page at a time (lib/caseload/paginate).
  const shown = pageOf(rows, page);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Caseload</h1>
        <p className="mt-1 text-sm text-stone-600">
          Who needs attention first: a safety flag, then a declining check-in, then 3 or more overdue, then silent for 7 days or more.
        </p>
      </div>
      <CaseloadCounts counts={counts} />
      {counts.activeClients === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 p-6 text-center text-stone-600">
          No active clients yet. Clients appear here once they accept their invitation.{" "}
          <Link href="/clients" className="font-medium text-brand-700 underline underline-offset-2">
            Go to clients
          </Link>
        </p>
      ) : (
        <>
          <CaseloadSearch query={q} />
          {rows.length === 0 ? (
            <p role="status" className="rounded-lg border border-dashed border-stone-300 p-6 text-center text-stone-600">
              No active client’s name matches “{q}”.
            </p>
          ) : (
            <>
              <CaseloadTable rows={shown.rows} viewerTimeZone={therapist.timeZone} />
              <CaseloadPager page={shown.page} pageCount={shown.pageCount} first={shown.first} last={shown.last} total={shown.total} query={q} />
            </>
          )}
        </>
      )}
    </div>
  );
}
