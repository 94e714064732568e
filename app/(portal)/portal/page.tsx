import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { requireClient } from "@/lib/auth/session";
import { getOwnProfile } from "@/lib/clients/get-own-profile";

export const metadata: Metadata = { title: "Home" };

function greeting(timeZone: string, now = new Date()) {
  const hour = Number(new Intl.DateTimeFormat("en-GB", { hour: "numeric", hourCycle: "h23", timeZone }).format(now));
  if (hour < 12) return "Good morning";
  if (hour < 18) return "Good afternoon";
  return "Good evening";
}

export default async function PortalHome() {
  const client = await requireClient();
  const profile = await getOwnProfile(client);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">
          {greeting(profile.timeZone)}, {profile.displayName}
        </h1>
        <p className="mt-2 text-lg text-stone-700">This is your private space for the work you do between sessions.</p>
      </div>
      <Card>
        <h2 className="text-lg font-semibold">Your homework</h2>
        <p className="mt-2 text-stone-700">
          When {profile.therapist.name} gives you an exercise, it will appear here with what’s due today. There’s nothing
          to do right now.
        </p>
      </Card>
      <p className="text-sm text-stone-600">
        What you write here is shared with {profile.therapist.name} at {profile.practice.name} and no one else.
      </p>
    </div>
  );
}
