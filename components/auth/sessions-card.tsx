import { Card } from "@/components/ui/card";
import type { Identity } from "@/lib/auth/session";
import { MomentText } from "@/components/dates/date-text";
import { listOpenSessions } from "@/lib/sessions/list-sessions";
import { EndOtherSessionsForm, EndSessionForm } from "./session-forms";

/** Account → "Where you're signed in": the caller's own open sessions, and a way to end the others. */
export async function SessionsCard({ identity }: { identity: Identity }) {
  const sessions = await listOpenSessions(identity);
  const others = sessions.filter((session) => !session.current).length;
  const view = { timeZone: identity.timeZone };
  return (
    <Card>
      <h2 className="mb-1 text-lg font-semibold">Where you’re signed in</h2>
      <p className="mb-4 text-sm text-stone-600">
        If you don’t recognise a device, sign it out and change your password. Times are in{" "}
        {identity.timeZone.replaceAll("_", " ")}.
      </p>
      <ul className="divide-y divide-stone-200" aria-label="Signed-in devices">
        {sessions.map((session) => (
          <li key={session.handle} className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid="session-row">
            <div className="min-w-0">
              <p className="font-medium text-stone-900">
                {session.device}
                {session.current ? (
                  <span className="ml-2 rounded-full bg-brand-50 px-2 py-0.5 text-xs font-semibold text-brand-900">This device</span>
                ) : null}
              </p>
              <p className="text-sm text-stone-600 wrap-anywhere">
                {session.address ? `${session.address} · ` : ""}
                {session.current ? (
                  "Active now"
                ) : (
                  <>
                    Last seen <MomentText value={session.lastSeenAt} view={view} withTime />
                  </>
                )}
                {" · "}signed in <MomentText value={session.createdAt} view={view} withTime />
              </p>
            </div>
            {session.current ? null : <EndSessionForm handle={session.handle} device={session.device} />}
          </li>
        ))}
      </ul>
      <div className="mt-4">
        <EndOtherSessionsForm hasOthers={others > 0} />
      </div>
    </Card>
  );
}
