import type { Metadata } from "next";
import Link from "next/link";
import { AnswerList } from "@/components/exercises/answer-list";
import { CrisisPanel } from "@/components/portal/crisis-panel";
import { Card } from "@/components/ui/card";
import { FormAlert } from "@/components/ui/form-alert";
import { requireClient } from "@/lib/auth/session";
import { CalendarDayText, MomentText } from "@/components/dates/date-text";
import { todayIn } from "@/lib/dates/local-date";
import { orNotFound } from "@/lib/not-found-page";
import { clientScope } from "@/lib/homework/client-scope";
import { getOwnSubmission } from "@/lib/homework/get-own-submission";
import { getCrisisResources } from "@/lib/safety/get-crisis-resources";
import { listOwnReplies } from "@/lib/replies/list-replies";
import { ReplyForm } from "@/components/replies/reply-form";
import { ReplyList } from "@/components/replies/reply-list";
import { ShareEntryForm } from "@/components/couples/share-entry-form";
import { linkedPartnerOf } from "@/lib/couples/linked-partner";
import { isShareable } from "@/lib/couples/shareable";

export const metadata: Metadata = { title: "Your entry" };

export default async function SubmittedEntryPage({ params, searchParams }: PageProps<"/portal/entries/[submissionId]">) {
  const [{ submissionId }, query] = await Promise.all([params, searchParams]);
  const identity = await requireClient();
  const entry = await orNotFound(getOwnSubmission(clientScope(identity), submissionId));
  const [replies, partner] = await Promise.all([
    listOwnReplies(clientScope(identity), entry.id),
    linkedPartnerOf(identity.clientId, identity.practiceId),
  ]);
  const shareable = partner !== null && isShareable(entry.version.fields, entry.safetyConcern);
  const crisis = entry.safetyConcern ? await getCrisisResources(identity) : null;

  return (
    <article className="space-y-6">
      <Link href="/portal" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
        ← Back to my homework
      </Link>
      {query.submitted ? <FormAlert tone="success" message={`Sent to ${entry.therapistName}. Thank you for doing this.`} /> : null}
      {crisis ? <CrisisPanel resources={crisis} /> : null}
      <header>
        <p className="text-sm font-medium uppercase tracking-wide text-stone-500"><CalendarDayText value={entry.dueOn} today={todayIn(identity.timeZone)} capitalized /></p>
        <h1 className="text-2xl font-semibold tracking-tight">{entry.version.title}</h1>
      </header>
      <Card>
        <AnswerList fields={entry.version.fields} answers={entry.answers} privateKeys={entry.privateKeys} viewer="client" />
      </Card>
      {shareable ? (
        <section aria-labelledby="share-title" className="space-y-3">
          <h2 id="share-title" className="text-xl font-semibold">
            Share with {partner.name}
          </h2>
          <ShareEntryForm submissionId={entry.id} partnerName={partner.name} sharedNow={entry.sharedWithPartnerAt !== null} />
        </section>
      ) : null}
      <section aria-labelledby="feedback-title" className="space-y-3">
        <h2 id="feedback-title" className="text-xl font-semibold">
          Feedback
        </h2>
        {entry.feedback.length === 0 ? (
          <p className="text-stone-600">No feedback yet. It will appear here when {entry.therapistName} has read your entry.</p>
        ) : (
          entry.feedback.map((item) => (
            <div key={item.id} className="rounded-xl border border-brand-200 bg-brand-50 p-4" data-testid="feedback">
              <p className="whitespace-pre-wrap text-base text-stone-900 wrap-anywhere">{item.body}</p>
              <p className="mt-2 text-sm text-stone-600">
                {item.authorName} · <MomentText value={item.createdAt} view={{ timeZone: identity.timeZone }} withTime />
              </p>
              <ReplyList replies={replies[item.id]} author="You" timeZone={identity.timeZone} />
              <ReplyForm feedbackId={item.id} therapistName={entry.therapistName} />
            </div>
          ))
        )}
      </section>
    </article>
  );
}
