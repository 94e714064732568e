import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { requireClient } from "@/lib/auth/session";
import { clientScope } from "@/lib/homework/client-scope";
import { listEntriesSharedWithMe } from "@/lib/couples/shared-entries";
import { CalendarDayText, DayText } from "@/components/dates/date-text";
import { todayIn } from "@/lib/dates/local-date";

export const metadata: Metadata = { title: "Shared with you" };

export default async function SharedWithMePage() {
  const identity = await requireClient();
  const { partner, entries } = await listEntriesSharedWithMe(clientScope(identity));
  const today = todayIn(identity.timeZone);

  return (
    <article className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">Shared with you</h1>
        <p className="text-stone-700">
          {partner
            ? `Entries ${partner.name} chose to share with you. They can stop sharing at any time; nothing else of theirs is shown here.`
            : "When your clinician links you with your partner, entries they choose to share with you appear here."}
        </p>
      </header>
      {partner && entries.length === 0 ? (
        <Card>
          <p className="text-stone-700">{partner.name} hasn&apos;t shared an entry with you yet.</p>
        </Card>
      ) : null}
      {entries.length > 0 ? (
        <ul className="space-y-3" data-testid="shared-entries">
          {entries.map((entry) => (
            <li key={entry.id}>
              <Link
                href={`/portal/shared/${entry.id}`}
                className="block rounded-xl border border-stone-200 bg-white p-4 hover:border-brand-300 focus-visible:outline-2 focus-visible:outline-brand-600"
              >
                <span className="block font-semibold text-stone-900">{entry.title}</span>
                <span className="block text-sm text-stone-700">
                  <CalendarDayText value={entry.dueOn} today={today} capitalized /> · shared{" "}
                  <DayText value={entry.sharedAt} view={{ timeZone: identity.timeZone }} />
                </span>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}
