import type { Metadata } from "next";
import { DoneList } from "@/components/portal/done-list";
import { HomeworkSection } from "@/components/portal/homework-list";
import { FormAlert } from "@/components/ui/form-alert";
import { requireClient } from "@/lib/auth/session";
import { getOwnProfile } from "@/lib/clients/get-own-profile";
import { clientScope } from "@/lib/homework/client-scope";
import { getPortalOverview } from "@/lib/homework/portal-overview";
import { weekdayAndTime } from "@/lib/therapy-sessions/format";
import { getNextSessionForClient } from "@/lib/therapy-sessions/next-session-for-client";

export const metadata: Metadata = { title: "Home" };

function greeting(timeZone: string, now = new Date()) {
  const hour = Number(new Intl.DateTimeFormat("en-GB", { hour: "numeric", hourCycle: "h23", timeZone }).format(now));
  if (hour < 12) return "Good morning";
  if (hour < 18) return "Good afternoon";
  return "Good evening";
}

export default async function PortalHome({ searchParams }: PageProps<"/portal">) {
  const identity = await requireClient();
  const scope = clientScope(identity);
  const [profile, overview, params, nextSession] = await Promise.all([
    getOwnProfile(identity),
    getPortalOverview(scope),
    searchParams,
    getNextSessionForClient(scope),
  ]);
  const firstName = profile.displayName.split(/\s+/)[0] ?? profile.displayName;
  const nothingAssigned = !overview.dueToday.length && !overview.overdue.length && !overview.upcoming.length && !overview.done.length;

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">
          {greeting(profile.timeZone)}, {firstName}
        </h1>
        <p className="mt-1 text-lg text-stone-700">Your private space for the work between sessions.</p>
        {nextSession ? (
          <p className="mt-2 font-medium text-stone-800" data-testid="next-session">
            Next session:{" "}
            <time dateTime={nextSession.startsAt.toISOString()}>{weekdayAndTime(nextSession.startsAt, profile.timeZone)}</time>
          </p>
        ) : null}
      </div>
      {params.closed ? <FormAlert message="That item is no longer open. It may have ended or been paused by your therapist." /> : null}

      {nothingAssigned ? (
        <section className="rounded-xl border border-stone-200 bg-white p-5">
          <h2 className="text-lg font-semibold">Your homework</h2>
          <p className="mt-2 text-stone-700">
            When {profile.therapist.name} gives you an exercise, it will appear here with what’s due today. There’s nothing to do
            right now.
          </p>
        </section>
      ) : (
        <>
          <HomeworkSection title="Today" items={overview.dueToday} today={overview.today} kind="today" empty="Nothing due today. Well done." />
          <HomeworkSection title="Still open from earlier" items={overview.overdue} today={overview.today} kind="overdue" />
          <HomeworkSection title="Coming up" items={overview.upcoming} today={overview.today} kind="upcoming" />
          <DoneList items={overview.done} today={overview.today} />
        </>
      )}

      <p className="text-sm text-stone-600">
        What you write here is shared with {profile.therapist.name} at {profile.practice.name} and no one else.
      </p>
    </div>
  );
}
