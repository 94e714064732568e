import type { Metadata } from "next";
import Link from "next/link";
import { formatPercent } from "@/components/progress/format";
import { PrintButton } from "@/components/progress/print-button";
import { SessionNoteForm } from "@/components/therapy-sessions/session-note-form";
import { orDenied, recordView } from "@/lib/audit/record-view";
import { requireTherapist } from "@/lib/auth/session";
import { DayText, MomentText } from "@/components/dates/date-text";
import { formatDay, formatMomentWithTime } from "@/lib/dates/display";
import { clientReadScope } from "@/lib/practice/access";
import { requireIdParams } from "@/lib/not-found-page";
import { sessionWhen } from "@/lib/therapy-sessions/format";
import { getSessionPrep } from "@/lib/therapy-sessions/get-session-prep";

export const metadata: Metadata = { title: "Before the session" };

// On paper: no app header, no buttons or forms (print:hidden), full width.
const PRINT_CSS =
  "@media print { body > header, nav, form, button { display: none !important; } body { background: #fff !important; } main { max-width: none !important; padding: 0 !important; } }";

const section = "space-y-2 border-t border-stone-200 pt-4";

export default async function SessionPrepPage({ params }: PageProps<"/clients/[clientId]/sessions/[sessionId]">) {
  const { clientId, sessionId } = await requireIdParams(params, "clientId", "sessionId");
  const therapist = await requireTherapist();
  const view = { action: "session_prep.viewed", subjectType: "Client", subjectId: clientId } as const;
  const scope = await orDenied(therapist, view, () => clientReadScope(therapist, clientId));
  const prep = await orDenied(therapist, view, () => getSessionPrep(scope, clientId, sessionId));
  await recordView(therapist, { ...view, clientId });

  const zone = therapist.timeZone;
  const dates = { timeZone: zone };
  const { span, entries, adherence, triggers, promises, checkIns, flags, replies } = prep;
  const unreviewed = entries.filter((entry) => !entry.reviewed).length;
  const openFlags = flags.filter((flag) => flag.acknowledgedAt === null).length;
  const spanText = span.previousSessionAt
    ? `Since the last session on ${formatDay(span.previousSessionAt, { ...dates, relative: false })}`
    : "The last 14 days (no earlier session recorded)";

  return (
    <article className="space-y-5">
      <style>{PRINT_CSS}</style>
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <Link href={`/clients/${clientId}/sessions`} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
          ← Sessions
        </Link>
        <PrintButton />
      </div>
      <header>
        <p className="text-sm font-medium text-stone-600">Before the session · confidential</p>
        <h1 className="text-2xl font-semibold tracking-tight">{prep.client.displayName}</h1>
        <p className="mt-1 text-stone-700">
          Session {sessionWhen(prep.session.startsAt, zone)}, {prep.session.durationMinutes} min
          {prep.session.cancelledAt ? " (cancelled)" : ""}.
        </p>
        <p className="text-sm text-stone-600">
          {spanText}, up to <MomentText value={span.to} view={dates} withTime />. Times in your zone, {zone.replaceAll("_", " ")}.
        </p>
      </header>

      <section aria-labelledby="glance" className={section}>
        <h2 id="glance" className="text-lg font-semibold">
          At a glance
        </h2>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]" data-testid="prep-figures">
          <dt className="font-medium">Entries</dt>
          <dd>
            {entries.length} ({unreviewed} not yet reviewed)
          </dd>
          <dt className="font-medium">Homework done</dt>
          <dd>{adherence.due === 0 ? "Nothing was due" : `${adherence.done} of ${adherence.due} due`}</dd>
          <dt className="font-medium">Trigger logs</dt>
          <dd>
            {triggers.count}
            {triggers.meanIntensity !== null ? `, average intensity ${Math.round(triggers.meanIntensity * 10) / 10} of 10` : ""}
          </dd>
          <dt className="font-medium">Promises kept</dt>
          <dd>{promises.count === 0 ? "None logged" : `${formatPercent(promises.keptRate)} of ${promises.count} logged`}</dd>
          <dt className="font-medium">Check-ins</dt>
          <dd>{checkIns.count}</dd>
          <dt className="font-medium">Safety flags</dt>
          <dd>{flags.length === 0 ? "None" : `${flags.length} (${openFlags} open)`}</dd>
        </dl>
      </section>

      <section aria-labelledby="entries" className={section}>
        <h2 id="entries" className="text-lg font-semibold">
          Entries
        </h2>
        {entries.length === 0 ? (
          <p className="text-sm text-stone-600">No entries in this span.</p>
        ) : (
          <ul className="space-y-1 text-sm" data-testid="prep-entries">
            {entries.map((entry) => (
              <li key={entry.id}>
                <Link href={`/review/${entry.id}`} className="font-medium text-brand-700 underline underline-offset-2">
                  {entry.title}
                </Link>{" "}
                · <DayText value={entry.dueOn} view={dates} />
                {entry.reviewed ? "" : " · not reviewed"}
                {entry.safetyConcern ? " · safety concern" : ""}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="check-ins" className={section}>
        <h2 id="check-ins" className="text-lg font-semibold">
          Trust check-ins
        </h2>
        {checkIns.changes.length === 0 ? (
          <p className="text-sm text-stone-600">No check-in in this span.</p>
        ) : (
          <ul className="list-disc space-y-0.5 pl-5 text-sm">
            {checkIns.changes.map((change) => (
              <li key={change.label}>{change.sentence}</li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="flags" className={section}>
        <h2 id="flags" className="text-lg font-semibold">
          Safety flags
        </h2>
        {flags.length === 0 ? (
          <p className="text-sm text-stone-600">None raised or open.</p>
        ) : (
          <ul className="space-y-0.5 text-sm">
            {flags.map((flag) => (
              <li key={flag.id}>
                Raised <MomentText value={flag.raisedAt} view={dates} withTime />:{" "}
                {flag.acknowledgedAt
                  ? `acknowledged ${formatMomentWithTime(flag.acknowledgedAt, dates)}${flag.acknowledgedBy ? ` by ${flag.acknowledgedBy}` : ""}.`
                  : "still open."}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="replies" className={section}>
        <h2 id="replies" className="text-lg font-semibold">
          {prep.client.displayName}’s replies to your feedback
        </h2>
        {replies.length === 0 ? (
          <p className="text-sm text-stone-600">No replies in this span.</p>
        ) : (
          <ul className="space-y-2 text-sm">
            {replies.map((reply) => (
              <li key={reply.id}>
                <p className="text-stone-600">
                  On{" "}
                  <Link href={`/review/${reply.submissionId}`} className="text-brand-700 underline underline-offset-2">
                    {reply.entryTitle}
                  </Link>
                  , <MomentText value={reply.createdAt} view={dates} withTime />:
                </p>
                <p className="whitespace-pre-line">{reply.body}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      {!scope.readOnly ? (
        <section aria-labelledby="note" className={section}>
          <h2 id="note" className="text-lg font-semibold">
            Session note
          </h2>
          {prep.session.started && !prep.session.cancelledAt ? (
            <>
              {prep.note ? <p className="hidden whitespace-pre-line text-sm print:block">{prep.note.body}</p> : null}
              <SessionNoteForm sessionId={prep.session.id} body={prep.note?.body ?? ""} />
            </>
          ) : (
            <p className="text-sm text-stone-600">You can write a short note here once the session has started.</p>
          )}
        </section>
      ) : null}
    </article>
  );
}
