import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { EntryForm } from "@/components/portal/entry-form";
import { requireClient } from "@/lib/auth/session";
import { CalendarDayText } from "@/components/dates/date-text";
import { orNotFound } from "@/lib/not-found-page";
import { clientScope } from "@/lib/homework/client-scope";
import { getEntryForClient } from "@/lib/homework/get-entry";
import { getCrisisResources } from "@/lib/safety/get-crisis-resources";

export const metadata: Metadata = { title: "Homework" };

export default async function EntryPage({ params }: PageProps<"/portal/homework/[assignmentId]/[entryKey]">) {
  const { assignmentId, entryKey } = await params;
  const identity = await requireClient();
  const entry = await orNotFound(getEntryForClient(clientScope(identity), assignmentId, entryKey));
  if (entry.kind === "submitted") redirect(`/portal/entries/${entry.submissionId}`);
  const { version } = entry.assignment;
  const crisisResources = await getCrisisResources(identity);

  return (
    <article className="space-y-6">
      <Link href="/portal" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
        ← Back to my homework
      </Link>
      <header className="space-y-2">
        <p className="text-sm font-medium uppercase tracking-wide text-stone-500">
          <CalendarDayText value={entry.dueOn} today={entry.assignment.today} capitalized /> · about {version.estimatedMinutes} min
        </p>
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{version.title}</h1>
        <p className="text-lg leading-relaxed text-stone-700">{version.purpose}</p>
        {entry.assignment.note ? (
          <p className="rounded-xl bg-brand-50 p-4 text-base text-brand-900 wrap-anywhere">
            <span className="font-semibold">{entry.assignment.therapistName}:</span> {entry.assignment.note}
          </p>
        ) : null}
        {version.instructions ? <p className="text-base text-stone-700">{version.instructions}</p> : null}
      </header>
      <EntryForm
        assignmentId={assignmentId}
        entryKey={entryKey}
        fields={version.fields}
        initialAnswers={entry.answers}
        initialPrivateKeys={entry.privateKeys}
        initialVersion={entry.version}
        crisisResources={crisisResources}
        email={identity.email}
      />
      {version.details.attribution ? <p className="text-xs text-stone-500">{version.details.attribution}</p> : null}
    </article>
  );
}
