import { Card } from "@/components/ui/card";
import { actorRoleLabel, CLIENT_VISIBLE_VIEWS, formatEventTime, type ClientVisibleView } from "@/lib/audit/describe-event";
import { ACCESS_HISTORY_LIMIT, listViewsOfMyRecord } from "@/lib/audit/list-access-history";
import type { ClientIdentity } from "@/lib/auth/session";

/** Account → "Who has seen my entries": the client's own record only, in their own time zone. */
export async function RecordViewsCard({ identity }: { identity: ClientIdentity }) {
  const { events, more } = await listViewsOfMyRecord(identity);
  return (
    <Card className="mx-auto max-w-xl">
      <h2 className="mb-1 text-lg font-semibold">Who has seen my entries</h2>
      <p className="mb-4 text-sm text-stone-600">
        Each time someone at your practice opens your entries, progress or record, it is noted here. Times are in{" "}
        {identity.timeZone.replaceAll("_", " ")}.
      </p>
      {events.length === 0 ? (
        <p className="text-sm text-stone-600">No one has looked at your record yet.</p>
      ) : (
        <ul className="divide-y divide-stone-200" aria-label="Who has seen my entries">
          {events.map((event) => (
            <li key={event.id} className="py-3" data-testid="record-view-row">
              <p className="font-medium text-stone-900 wrap-anywhere">
                {event.actor ? `${event.actor.name} (${actorRoleLabel(event.actor, identity.therapistId, identity.userId)})` : "Someone at your practice"}
              </p>
              <p className="text-sm text-stone-600">
                {CLIENT_VISIBLE_VIEWS[event.action as ClientVisibleView] ?? "Looked at your record"} ·{" "}
                <time dateTime={event.createdAt.toISOString()}>{formatEventTime(event.createdAt, identity.timeZone)}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
      {more ? <p className="mt-3 text-sm text-stone-600">Showing the latest {ACCESS_HISTORY_LIMIT}.</p> : null}
    </Card>
  );
}
