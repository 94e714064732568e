import type { Metadata } from "next";
import Link from "next/link";
import { AddSessionForm } from "@/components/therapy-sessions/add-session-form";
import { CancelSessionForm } from "@/components/therapy-sessions/cancel-session-form";
import { Card } from "@/components/ui/card";
import { orDenied, recordView } from "@/lib/audit/record-view";
import { requireTherapist } from "@/lib/auth/session";
import { todayIn } from "@/lib/dates/local-date";
import { clientReadScope } from "@/lib/practice/access";
import { findSessionClient } from "@/lib/therapy-sessions/find-client";
import { sessionWhen, zoneLabel } from "@/lib/therapy-sessions/format";
import { listClientSessions, type SessionItem } from "@/lib/therapy-sessions/list-sessions";
import { RECURRENCE_LABELS } from "@/lib/therapy-sessions/schemas";

export const metadata: Metadata = { title: "Sessions" };

function SessionLine({ item, clientId, zone, clientZone, canChange }: { item: SessionItem; clientId: string; zone: string; clientZone: string; canChange: boolean }) {
  const when = sessionWhen(item.startsAt, zone);
  const cancelled = item.cancelledAt !== null;
  return (
    <li data-testid="session-item" className="flex flex-wrap items-center justify-between gap-3 py-3">
      <div>
        <p className={cancelled ? "text-stone-500 line-through" : "font-medium"}>
          <time dateTime={item.startsAt.toISOString()}>{when}</time> · {item.durationMinutes} min
        </p>
        <p className="text-xs text-stone-600">
          {cancelled ? "Cancelled" : RECURRENCE_LABELS[item.recurrence]}
          {zone !== clientZone ? ` · client’s time ${sessionWhen(item.startsAt, clientZone)}` : ""}
          {item.hasNote ? " · note written" : ""}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        {!cancelled ? (
          <Link href={`/clients/${clientId}/sessions/${item.id}`} className="text-sm font-medium text-brand-700 underline underline-offset-2">
            Before the session<span className="sr-only"> on {when}</span>
          </Link>
        ) : null}
        {canChange && !cancelled ? <CancelSessionForm sessionId={item.id} inSeries={item.seriesId !== null} when={when} /> : null}
      </div>
    </li>
  );
}

export default async function ClientSessionsPage({ params }: PageProps<"/clients/[clientId]/sessions">) {
  const { clientId } = await params;
  const therapist = await requireTherapist();
  const view = { action: "client.viewed", subjectType: "Client", subjectId: clientId } as const;
  const scope = await orDenied(therapist, view, () => clientReadScope(therapist, clientId));
  const [client, sessions] = await Promise.all([
    findSessionClient(scope, clientId),
    listClientSessions(scope, clientId),
    // A look at the client's sessions is a look at their record (owners and supervisors included).
    recordView(therapist, { ...view, clientId }),
  ]);
  const zone = client.therapist.timeZone;
  const canChange = !scope.readOnly && client.status !== "ARCHIVED";

  return (
    <div className="space-y-6">
      <Link href={`/clients/${client.id}`} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
        ← {client.displayName}
      </Link>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Sessions with {client.displayName}</h1>
        <p className="mt-1 text-sm text-stone-600">
          Times in {scope.readOnly ? `${client.therapist.name}’s` : "your"} time zone, {zoneLabel(zone)}. {client.displayName} sees them in their own,{" "}
          {client.timeZone.replaceAll("_", " ")}.
        </p>
        <a href={`/api/clients/${client.id}/sessions.ics`} className="mt-2 inline-block text-sm font-medium text-brand-700 underline underline-offset-2">
          Download upcoming sessions (.ics)
        </a>
      </div>
      <Card>
        <h2 className="text-lg font-semibold">Upcoming</h2>
        {sessions.upcoming.length === 0 ? (
          <p className="mt-2 text-sm text-stone-600">No sessions booked.</p>
        ) : (
          <ul className="mt-1 divide-y divide-stone-200">
            {sessions.upcoming.map((item) => (
              <SessionLine key={item.id} item={item} clientId={client.id} zone={zone} clientZone={client.timeZone} canChange={canChange} />
            ))}
          </ul>
        )}
      </Card>
      {canChange ? (
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Add a session</h2>
          <AddSessionForm clientId={client.id} zoneLabel={zoneLabel(zone)} defaultDate={todayIn(zone)} />
        </Card>
      ) : null}
      <Card>
        <h2 className="text-lg font-semibold">Past sessions</h2>
        {sessions.past.length === 0 ? (
          <p className="mt-2 text-sm text-stone-600">None recorded in the last four months.</p>
        ) : (
          <ul className="mt-1 divide-y divide-stone-200">
            {sessions.past.map((item) => (
              <SessionLine key={item.id} item={item} clientId={client.id} zone={zone} clientZone={client.timeZone} canChange={false} />
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
