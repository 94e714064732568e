import type { Metadata } from "next";
import Link from "next/link";
import { PracticeNav } from "@/components/practice/practice-nav";
import { PracticeSettingsForm, PracticeTwoFactorForm } from "@/components/practice/practice-settings-form";
import { Card } from "@/components/ui/card";
import { ownerScope } from "@/lib/practice/members/owner";
import { requireOwnerPage } from "@/lib/practice/require-owner";
import { getPracticeSettings } from "@/lib/practice/settings/practice-settings";

export const metadata: Metadata = { title: "Practice settings" };

export default async function PracticeSettingsPage() {
  const owner = await requireOwnerPage();
  const settings = await getPracticeSettings(ownerScope(owner));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Practice</h1>
        <PracticeNav current="settings" />
      </div>
      <Card>
        <h2 className="text-lg font-semibold">Settings</h2>
        <div className="mt-4">
          <PracticeSettingsForm
            name={settings.name}
            defaultReminderTime={settings.defaultReminderTime}
            escalateAfterHours={settings.escalateAfterHours}
          />
        </div>
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">Two-step sign-in</h2>
        {settings.ownerHasTwoFactor || settings.requireTwoFactor ? null : (
          <p className="mt-1 text-sm text-stone-600">
            Turn it on for yourself first (
            <Link href="/account" className="font-semibold text-brand-700 underline underline-offset-2">
              Account
            </Link>
            ), then you can require it for everyone.
          </p>
        )}
        <div className="mt-4">
          <PracticeTwoFactorForm required={settings.requireTwoFactor} />
        </div>
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">Crisis resources</h2>
        <p className="mt-1 text-sm text-stone-600">
          The helplines a client sees at once when they say they don&rsquo;t feel safe, chosen by their country.
        </p>
        <Link href="/practice/crisis-lines" className="mt-3 inline-block font-semibold text-brand-700 underline underline-offset-2">
          Edit crisis lines
        </Link>
      </Card>
    </div>
  );
}
