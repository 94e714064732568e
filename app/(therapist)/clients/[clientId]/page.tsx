import type { Metadata } from "next";
import Link from "next/link";
import { AssignmentList } from "@/components/assignments/assignment-list";
import { InboxTable } from "@/components/review/inbox-table";
import { SafetyFlagList } from "@/components/review/safety-flag-list";
import { buttonClasses } from "@/components/ui/button";
import { listClientAssignments } from "@/lib/assignments/list-client-assignments";
import { listInbox } from "@/lib/review/list-inbox";
import { listOpenSafetyFlags, toFlagProps } from "@/lib/safety/list-open-flags";
import { ArchiveClientForm } from "@/components/clients/archive-client-form";
import { ExportLinks } from "@/components/clients/export-links";
import { PartnerForm } from "@/components/clients/partner-form";
import { SharedWithPartnerList } from "@/components/couples/shared-with-partner-list";
import { RenewInvitationButton } from "@/components/clients/renew-invitation-button";
import { StatusBadge } from "@/components/clients/status-badge";
import { Card } from "@/components/ui/card";
import { SupervisionNotesCard } from "@/components/supervision/supervision-notes-card";
import { requireTherapist } from "@/lib/auth/session";
import { getClient } from "@/lib/clients/get-client";
import { getPartnerOptions } from "@/lib/clients/link-partners";
import { clientReadScope } from "@/lib/practice/access";
import { ReadOnlyNotice } from "@/components/practice/read-only-notice";
import { ClientHandover } from "@/components/practice/client-handover";
import { ClientCountryCard } from "@/components/clients/client-country-card";
import { formatDay, formatDayTitle } from "@/lib/dates/display";
import { todayIn } from "@/lib/dates/local-date";
import { orDenied, recordView } from "@/lib/audit/record-view";

export const metadata: Metadata = { title: "Client" };

const RECENT_SUBMISSIONS = 15;

export default async function ClientPage({ params }: PageProps<"/clients/[clientId]">) {
  const { clientId } = await params;
  const therapist = await requireTherapist();
  const view = { action: "client.viewed", subjectType: "Client", subjectId: clientId } as const;
  // The owner and the client's supervisors read this page too (audited), without its forms.
  const scope = await orDenied(therapist, view, () => clientReadScope(therapist, clientId));
  const client = await getClient(scope, clientId);
  const canChange = !scope.readOnly;
  const [assignments, submissions, flags, partners] = await Promise.all([
    listClientAssignments(scope, client.id),
    listInbox(scope, { clientId: client.id, show: "all", take: RECENT_SUBMISSIONS }),
    listOpenSafetyFlags(scope, client.id),
    getPartnerOptions(scope, client.id),
    recordView(therapist, { ...view, clientId: client.id }),
  ]);

  return (
    <div className="space-y-6">
      {/* A reader (owner, supervisor) came from the caseload; a supervisor has no client list. */}
      <Link href={scope.readOnly ? "/dashboard" : "/clients"} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
        {scope.readOnly ? "← Caseload" : "← All clients"}
      </Link>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{client.displayName}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-3 text-sm text-stone-600">
          <StatusBadge status={client.status} />
          <span>{client.email}</span>
          <span>{client.timeZone.replaceAll("_", " ")}</span>
          <span>
            Added{" "}
            <time dateTime={client.createdAt.toISOString()} title={formatDayTitle(todayIn(therapist.timeZone, client.createdAt))}>
              {formatDay(client.createdAt, { timeZone: therapist.timeZone })}
            </time>
          </span>
        </div>
        {scope.readOnly ? <ReadOnlyNotice clinicianName={client.therapistName} /> : null}
        <div className="mt-3 flex flex-wrap gap-2">
          <Link href={`/clients/${client.id}/progress`} className={buttonClasses("secondary")}>
            Progress
          </Link>
          <Link href={`/clients/${client.id}/report`} className={buttonClasses("secondary")}>
            Print report
          </Link>
          <Link href={`/clients/${client.id}/sessions`} className={buttonClasses("secondary")}>
            Sessions
          </Link>
          <Link href={`/clients/${client.id}/access`} className={buttonClasses("secondary")}>
            Access history
          </Link>
        </div>
      </div>
      {canChange && client.status === "INVITED" ? (
        <Card>
          <h2 className="text-lg font-semibold">Waiting to join</h2>
          <p className="mt-1 mb-4 text-sm text-stone-600">
            {client.displayName} hasn’t set a password yet. A new link replaces any earlier one.
          </p>
          <RenewInvitationButton clientId={client.id} label="Create a new invitation link" />
        </Card>
      ) : null}
      <SafetyFlagList flags={toFlagProps(flags, therapist.timeZone)} readOnly={scope.readOnly} />
      <Card>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-lg font-semibold">Homework</h2>
          {canChange && client.status !== "ARCHIVED" ? (
            <Link href={`/assign?client=${client.id}`} className={buttonClasses("primary")}>
              Assign homework
            </Link>
          ) : null}
        </div>
        <div className="mt-2">
          <AssignmentList assignments={assignments} timeZone={therapist.timeZone} readOnly={scope.readOnly} />
        </div>
      </Card>
      <Card>
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
          <h2 className="text-lg font-semibold">Recent submissions</h2>
          <Link href={`/review?client=${client.id}&show=all`} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
            All of {client.displayName}’s submissions
          </Link>
        </div>
        <InboxTable items={submissions} viewerTimeZone={therapist.timeZone} />
      </Card>
      <SupervisionNotesCard viewer={therapist} clientId={client.id} />
      {canChange ? <ClientCountryCard scope={scope} clientId={client.id} /> : null}
      <ExportLinks clientId={client.id} />
      {canChange && (client.status !== "ARCHIVED" || partners.partner) ? (
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Couples work</h2>
          <PartnerForm clientId={client.id} partner={partners.partner} candidates={partners.candidates} />
          {partners.partner ? <SharedWithPartnerList scope={scope} clientId={client.id} timeZone={therapist.timeZone} /> : null}
        </Card>
      ) : null}
      {!canChange && partners.partner ? (
        <Card>
          <h2 className="text-lg font-semibold">Couples work</h2>
          <SharedWithPartnerList scope={scope} clientId={client.id} timeZone={therapist.timeZone} />
        </Card>
      ) : null}
      <ClientHandover viewer={therapist} clientId={client.id} currentClinicianId={scope.therapistId} archived={client.status === "ARCHIVED"} />
      {canChange && client.status !== "ARCHIVED" ? <ArchiveClientForm clientId={client.id} clientName={client.displayName} /> : null}
    </div>
  );
}
