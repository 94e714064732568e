import type { Metadata } from "next";
import Link from "next/link";
import { ACCESS_HISTORY_LIMIT, listClientAccessHistory } from "@/lib/audit/list-access-history";
import { actorRoleLabel, describeForTherapist, describeOutcome, formatEventTime } from "@/lib/audit/describe-event";
import { orDenied, recordView } from "@/lib/audit/record-view";
import { requireTherapist } from "@/lib/auth/session";
import { clientReadScope } from "@/lib/practice/access";

export const metadata: Metadata = { title: "Access history" };


export default async function ClientAccessHistoryPage({ params }: PageProps<"/clients/[clientId]/access">) {
  const { clientId } = await params;
  const therapist = await requireTherapist();
  const attempt = { action: "client.access_history_viewed", subjectType: "Client", subjectId: clientId } as const;
  const { client, events, more } = await orDenied(therapist, attempt, async () =>
    listClientAccessHistory(await clientReadScope(therapist, clientId), clientId),
  );
  // Recorded after reading, so this visit is not in the list it shows.
  await recordView(therapist, { ...attempt, subjectId: client.id, clientId: client.id });

  return (
    <div className="space-y-6">
      <Link href={`/clients/${client.id}`} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
        ← {client.displayName}
      </Link>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Access history</h1>
        <p className="mt-1 text-sm text-stone-600">
          Every look at and change to {client.displayName}’s record, newest first. Times are in{" "}
          {therapist.timeZone.replaceAll("_", " ")}. The trail cannot be edited or deleted.
        </p>
      </div>
      {events.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 p-6 text-center text-stone-600">Nothing recorded yet.</p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Access history of {client.displayName}</caption>
            <thead className="border-b border-stone-200 bg-stone-50 text-stone-600">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">When</th>
                <th scope="col" className="px-4 py-2 font-medium">Who</th>
                <th scope="col" className="px-4 py-2 font-medium">What</th>
                <th scope="col" className="px-4 py-2 font-medium">Outcome</th>
                <th scope="col" className="px-4 py-2 font-medium">From</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200">
              {events.map((event) => (
                <tr key={event.id} data-testid="access-row">
                  <td className="px-4 py-2 whitespace-nowrap">
                    <time dateTime={event.createdAt.toISOString()}>{formatEventTime(event.createdAt, therapist.timeZone)}</time>
                  </td>
                  <td className="px-4 py-2 wrap-anywhere">
                    {event.actor ? `${event.actor.name} (${actorRoleLabel(event.actor, client.therapistId)})` : "Unknown"}
                  </td>
                  <td className="px-4 py-2">{describeForTherapist(event.action)}</td>
                  <td className={event.outcome === "success" ? "px-4 py-2" : "px-4 py-2 font-medium text-red-800"}>
                    {describeOutcome(event.outcome)}
                  </td>
                  <td className="px-4 py-2 wrap-anywhere text-stone-600">{event.address ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {more ? <p className="text-sm text-stone-600">Showing the latest {ACCESS_HISTORY_LIMIT} events.</p> : null}
    </div>
  );
}
