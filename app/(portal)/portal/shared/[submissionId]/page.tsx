import type { Metadata } from "next";
import Link from "next/link";
import { AnswerList } from "@/components/exercises/answer-list";
import { Card } from "@/components/ui/card";
import { requireClient } from "@/lib/auth/session";
import { clientScope } from "@/lib/homework/client-scope";
import { getEntrySharedWithMe } from "@/lib/couples/shared-entries";
import { describeLocalDate, todayIn } from "@/lib/dates/local-date";
import { formatDate } from "@/lib/dates/format";
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
          {entry.partnerName} · {describeLocalDate(entry.dueOn, todayIn(identity.timeZone))}
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">{entry.version.title}</h1>
        <p className="mt-1 text-sm text-stone-700">Shared with you on {formatDate(entry.sharedAt, identity.timeZone)}.</p>
      </header>
      <Card>
        <AnswerList fields={entry.version.fields} answers={entry.answers} privateKeys={[]} viewer="client" />
      </Card>
    </article>
  );
}
