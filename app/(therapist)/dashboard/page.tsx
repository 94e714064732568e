import type { Metadata } from "next";
import Link from "next/link";
import { CaseloadCounts } from "@/components/caseload/caseload-counts";
import { CaseloadSearch } from "@/components/caseload/caseload-search";
import { CaseloadTable } from "@/components/caseload/caseload-table";
import { requireTherapist } from "@/lib/auth/session";
import { getCaseload } from "@/lib/caseload/get-caseload";
import { therapistScope } from "@/lib/clients/scope";
import { caseloadSearchSchema } from "@/lib/validations/caseload";

export const metadata: Metadata = { title: "Caseload" };

const ROWS_SHOWN_FIRST = 50;

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const therapist = await requireTherapist();
  const params = await searchParams;
  const { q } = caseloadSearchSchema.parse(params);
  const { rows, counts } = await getCaseload(therapistScope(therapist), { q });
  // Rows are ranked by need; a long caseload shows its top first (rendering
  // every row is most of this page's cost at 150 clients).
  const showAll = params.all === "1" || Boolean(q);
  const shown = showAll ? rows : rows.slice(0, ROWS_SHOWN_FIRST);

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
              <CaseloadTable rows={shown} viewerTimeZone={therapist.timeZone} />
              {shown.length < rows.length ? (
                <p className="text-center">
                  <Link href="/dashboard?all=1" className="font-medium text-brand-700 underline underline-offset-2">
                    Show all {rows.length} clients
                  </Link>
                </p>
              ) : null}
            </>
          )}
        </>
      )}
    </div>
  );
}
