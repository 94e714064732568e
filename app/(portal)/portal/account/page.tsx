import type { Metadata } from "next";
import { RecordViewsCard } from "@/components/audit/record-views-card";
import { AccountPage } from "@/components/auth/account-page";
import { ReminderSettingsForm } from "@/components/portal/reminder-settings-form";
import { Card } from "@/components/ui/card";
import { requireClient } from "@/lib/auth/session";
import { getReminderPreference } from "@/lib/reminders/get-reminder-preference";

export const metadata: Metadata = { title: "Account" };

export default async function ClientAccountPage({ searchParams }: PageProps<"/portal/account">) {
  const [identity, params] = await Promise.all([requireClient(), searchParams]);
  const reminder = await getReminderPreference({ clientId: identity.clientId, userId: identity.userId });
  return (
    <div className="space-y-6">
      <AccountPage identity={identity} changed={params.changed === "1"} />
      <Card className="mx-auto max-w-xl">
        <h2 className="mb-1 text-lg font-semibold">Homework reminders</h2>
        <p className="mb-4 text-sm text-stone-600">A short email on days something is due, at a time that suits you.</p>
        <ReminderSettingsForm reminderTime={reminder.reminderTime} timeZone={reminder.timeZone} suggestedTime={reminder.suggestedTime} />
      </Card>
      <RecordViewsCard identity={identity} />
    </div>
  );
}
