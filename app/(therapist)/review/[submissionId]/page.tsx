import type { Metadata } from "next";
import Link from "next/link";
import { setReviewedAction } from "@/lib/review/actions";
import { AnswerList } from "@/components/exercises/answer-list";
import { FeedbackForm } from "@/components/review/feedback-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { orDenied, recordView } from "@/lib/audit/record-view";
import { requireTherapist } from "@/lib/auth/session";
import { submissionReadScope } from "@/lib/practice/access";
import { formatDay, formatDayTitle, formatMoment, formatMomentTitle } from "@/lib/dates/display";
import { getSubmissionForReview } from "@/lib/review/get-submission-for-review";
import { nextUnreviewedEntry } from "@/lib/review/mark-reviewed-many";
import { readReplyThreads } from "@/lib/replies/list-replies";
import { ReplyList } from "@/components/replies/reply-list";

export const metadata: Metadata = { title: "Entry" };

export default async function ReviewSubmissionPage({ params }: PageProps<"/review/[submissionId]">) {
  const { submissionId } = await params;
  const therapist = await requireTherapist();
  const view = { action: "entry.viewed", subjectType: "Submission", subjectId: submissionId } as const;
  // The owner and the client's supervisors read entries too (audited), without the forms.
  const scope = await orDenied(therapist, view, () => submissionReadScope(therapist, submissionId));
  const entry = await getSubmissionForReview(scope, submissionId);
  // Replies as they were before this look (new ones marked); the primary clinician's look marks them read.
  const [replies, nextId] = await Promise.all([
    readReplyThreads(scope, entry.id),
    // A reader (owner, supervisor) is not working through this inbox.
    scope.readOnly ? null : nextUnreviewedEntry(scope, entry.id),
    recordView(therapist, { ...view, subjectId: entry.id, clientId: entry.client.id }),
  ]);
  const dates = { timeZone: therapist.timeZone };

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <nav aria-label="Entries" className="flex flex-wrap items-center justify-between gap-2 text-sm font-medium">
        <Link href="/review" className="inline-flex min-h-6 items-center text-brand-700 underline-offset-2 hover:underline">
          ← Review inbox
        </Link>
        {nextId ? (
          <Link href={`/review/${nextId}`} className="inline-flex min-h-6 items-center text-brand-700 underline-offset-2 hover:underline" data-testid="next-entry">
            Next entry to review →
          </Link>
        ) : scope.readOnly ? null : (
          <span className="text-stone-600">No other entries waiting</span>
        )}
      </nav>
      <header>
        <p className="text-sm text-stone-600">
          <Link href={`/clients/${entry.client.id}`} className="font-semibold text-stone-800 underline-offset-2 hover:underline">
            {entry.client.displayName}
          </Link>{" "}
          · for{" "}
          <time dateTime={entry.dueOn} title={formatDayTitle(entry.dueOn)}>
            {formatDay(entry.dueOn, dates)}
          </time>{" "}
          · submitted{" "}
          {entry.submittedAt ? (
            <time dateTime={entry.submittedAt.toISOString()} title={formatMomentTitle(entry.submittedAt, therapist.timeZone)}>
              {formatMoment(entry.submittedAt, dates)}
            </time>
          ) : (
            "—"
          )}
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">
          {entry.version.title} <span className="text-base font-normal text-stone-500">v{entry.version.version}</span>
        </h1>
        {entry.note ? <p className="mt-2 text-sm text-stone-600">Your note: “{entry.note}”</p> : null}
      </header>
      {entry.safetyConcern ? (
        <p role="alert" className="rounded-lg border border-red-300 bg-red-50 p-3 font-medium text-red-900">
          A safety question in this entry was answered as unsafe.
        </p>
      ) : null}
      <Card>
        <AnswerList fields={entry.version.fields} answers={entry.answers} privateKeys={entry.privateKeys} viewer="therapist" />
      </Card>
      <Card>
        <h2 className="mb-3 text-lg font-semibold">Feedback</h2>
        {entry.feedback.map((item) => (
          <div key={item.id} className="mb-3 rounded-lg bg-stone-50 p-3">
            <p className="whitespace-pre-wrap wrap-anywhere">{item.body}</p>
            <p className="mt-1 text-xs text-stone-500">
              <time dateTime={item.createdAt.toISOString()} title={formatMomentTitle(item.createdAt, therapist.timeZone)}>
                {formatMoment(item.createdAt, { ...dates, capitalized: true })}
              </time>{" "}
              · {item.readAt ? "read by client" : "not read yet"}
            </p>
            <ReplyList replies={replies[item.id]} author={entry.client.displayName} timeZone={therapist.timeZone} markNew />
          </div>
        ))}
        {scope.readOnly ? null : <FeedbackForm submissionId={entry.id} clientName={entry.client.displayName} />}
      </Card>
      {scope.readOnly ? null : (
      <form action={setReviewedAction} className="flex items-center gap-3">
        <input type="hidden" name="submissionId" value={entry.id} />
        <input type="hidden" name="reviewed" value={entry.reviewedAt ? "false" : "true"} />
        <Button type="submit" variant="secondary">
          {entry.reviewedAt ? "Mark as not reviewed" : "Mark reviewed without feedback"}
        </Button>
        {entry.reviewedAt ? (
          <span className="text-sm text-stone-600">
            Reviewed{" "}
            <time dateTime={entry.reviewedAt.toISOString()} title={formatMomentTitle(entry.reviewedAt, therapist.timeZone)}>
              {formatMoment(entry.reviewedAt, dates)}
            </time>
          </span>
        ) : null}
      </form>
      )}
    </div>
  );
}
