import type { Metadata } from "next";
import Link from "next/link";
import { AnswerList } from "@/components/exercises/answer-list";
import { Card } from "@/components/ui/card";
import { requireClient } from "@/lib/auth/session";
import { clientScope } from "@/lib/homework/client-scope";
import { getEntrySharedWithMe } from "@/lib/couples/shared-entries";
import { CalendarDayText, DayText } from "@/components/dates/date-text";
import { todayIn } from "@/lib/dates/local-date";
import { orNotFound } from "@/lib/not-found-page";

export const metadata: Metadata = { title: "A shared entry" };

export default async function SharedEntryPage({ params }: PageProps<"/portal/shared/[submissionId]">) {
  const { submissionId } = await params;
  const identity = await requireClient();
  const entry = await orNotFound(getEntrySharedWithMe(clientScope(identity), submissionId));

  return (
    <article className="space-y-6">
      <Link href="/portal/shared" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
        ← Shared with you
      </Link>
      <header>
        <p className="text-sm font-medium uppercase tracking-wide text-stone-600">
          {entry.partnerName} · <CalendarDayText value={entry.dueOn} today={todayIn(identity.timeZone)} capitalized />
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">{entry.version.title}</h1>
        <p className="mt-1 text-sm text-stone-700">
          Shared with you <DayText value={entry.sharedAt} view={{ timeZone: identity.timeZone }} />.
        </p>
      </header>
      <Card>
        <AnswerList fields={entry.version.fields} answers={entry.answers} privateKeys={[]} viewer="client" />
      </Card>
    </article>
  );
}
