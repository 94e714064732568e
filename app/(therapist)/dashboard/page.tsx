import type { Metadata } from "next";
import Link from "next/link";
import { CaseloadCounts } from "@/components/caseload/caseload-counts";
import { CaseloadPager } from "@/components/caseload/caseload-pager";
import { CaseloadSearch, type ClinicianFilter } from "@/components/caseload/caseload-search";
import { CaseloadTable, type CaseloadClinicians } from "@/components/caseload/caseload-table";
import { requireTherapist } from "@/lib/auth/session";
import { getCaseload } from "@/lib/caseload/get-caseload";
import { loadNextSessions } from "@/lib/caseload/load-next-sessions";
import { pageOf } from "@/lib/caseload/paginate";
import type { CaseloadScope } from "@/lib/caseload/scope";
import { readableClinicians } from "@/lib/practice/access";
import { caseloadSearchSchema } from "@/lib/validations/caseload";

export const metadata: Metadata = { title: "Caseload" };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const therapist = await requireTherapist();
  const { q, page, clinician } = caseloadSearchSchema.parse(await searchParams);
  // A clinician sees their own clients; an owner the practice's, a supervisor
  // their supervisees' (lib/practice/access), filtered by clinician on request.
  let scope: CaseloadScope = { practiceId: therapist.practiceId, therapistIds: [therapist.userId] };
  let filter: ClinicianFilter | undefined;
  let clinicians: CaseloadClinicians | undefined;
  if (therapist.practiceRole !== "CLINICIAN") {
    const options = await readableClinicians(therapist);
    const chosen = options.some((option) => option.id === clinician) ? clinician : undefined;
    scope = { practiceId: therapist.practiceId, therapistIds: chosen ? [chosen] : options.map((option) => option.id) };
    // A practice of one needs neither the filter nor the clinician column.
    if (options.length > 1 || therapist.practiceRole === "SUPERVISOR") {
      filter = { chosen, options };
      clinicians = { viewerId: therapist.userId, names: Object.fromEntries(options.map((option) => [option.id, option.name])) };
    }
  }
  const { rows, counts } = scope.therapistIds.length
    ? await getCaseload(scope, { q })
    : { rows: [], counts: { activeClients: 0, toReview: 0, openFlags: 0 } };
  // Ranked by need, a page at a time (lib/caseload/paginate).
  const shown = pageOf(rows, page);
  const sessions = await loadNextSessions(scope, shown.rows.map((row) => row.clientId), therapist.timeZone);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Caseload</h1>
        <p className="mt-1 text-sm text-stone-600">
          Who needs attention first: a safety flag, then a declining check-in, then 3 or more overdue, then silent for 7 days or more.
        </p>
      </div>
      <CaseloadCounts counts={counts} reviews={therapist.practiceRole !== "SUPERVISOR"} />
      {counts.activeClients === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 p-6 text-center text-stone-600">
          {therapist.practiceRole === "SUPERVISOR" ? (
            scope.therapistIds.length === 0 ? (
              "No clinicians are assigned to you for supervision yet. The practice owner assigns them."
            ) : (
              "The clinicians you supervise have no active clients yet."
            )
          ) : (
            <>
              No active clients yet. Clients appear here once they accept their invitation.{" "}
              <Link href="/clients" className="font-medium text-brand-700 underline underline-offset-2">
                Go to clients
              </Link>
            </>
          )}
        </p>
      ) : (
        <>
          <CaseloadSearch query={q} clinicians={filter} />
          {rows.length === 0 ? (
            <p role="status" className="rounded-lg border border-dashed border-stone-300 p-6 text-center text-stone-600">
              No active client’s name matches “{q}”.
            </p>
          ) : (
            <>
              <CaseloadTable rows={shown.rows.map((row) => ({ ...row, session: sessions.get(row.clientId) ?? null }))} viewerTimeZone={therapist.timeZone} clinicians={clinicians} now={new Date()} />
              <CaseloadPager page={shown.page} pageCount={shown.pageCount} first={shown.first} last={shown.last} total={shown.total} query={q} clinician={filter?.chosen} />
            </>
          )}
        </>
      )}
    </div>
  );
}
