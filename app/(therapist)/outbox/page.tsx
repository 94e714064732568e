import type { Metadata } from "next";
import { requireStaff } from "@/lib/practice/access";
import { MomentText } from "@/components/dates/date-text";
import { formatMomentWithTime } from "@/lib/dates/display";
import { getEnv } from "@/lib/env";
import { listOutbox, OUTBOX_PAGE_SIZE, type OutboxItem } from "@/lib/mail/list-outbox";

export const metadata: Metadata = { title: "Outbox" };

function deliveryNote(message: OutboxItem, smtpConfigured: boolean, timeZone: string) {
  if (message.status === "SENT") {
    return { text: `Sent${message.sentAt ? ` ${formatMomentWithTime(message.sentAt, { timeZone })}` : ""}`, className: "text-brand-800" };
  }
  if (message.status === "FAILED") return { text: `Failed: ${message.error ?? "the mail server refused it"}`, className: "text-red-700" };
  if (message.error) {
    return {
      text: `Queued; will try again ${formatMomentWithTime(message.nextAttemptAt, { timeZone })} (last attempt: ${message.error})`,
      className: "text-amber-800",
    };
  }
  if (smtpConfigured) return { text: "Queued", className: "text-stone-600" };
  return { text: "Queued; kept in outbox (no SMTP configured)", className: "text-amber-800" };
}

export default async function OutboxPage() {
  // The practice's mail names every client's address: the owner's to read.
  const therapist = await requireStaff(["OWNER"]);
  const messages = await listOutbox({ practiceId: therapist.practiceId });
  const smtpConfigured = Boolean(getEnv().SMTP_URL);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Outbox</h1>
        <p className="mt-1 text-stone-600">
          {smtpConfigured
            ? "Email your practice sent, newest first."
            : "Email is not configured, so messages your practice would send are kept here instead."}
        </p>
      </div>
      {messages.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 p-6 text-center text-stone-600">No messages yet.</p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white" aria-label="Messages">
          {messages.map((message) => {
            const note = deliveryNote(message, smtpConfigured, therapist.timeZone);
            return (
              <li key={message.id} className="space-y-1 p-4" data-testid="outbox-row">
                <div className="flex flex-col gap-1 sm:flex-row sm:items-baseline sm:justify-between">
                  <p className="font-semibold break-words text-stone-900">{message.subject}</p>
                  <MomentText value={message.createdAt} view={{ timeZone: therapist.timeZone }} withTime className="shrink-0 text-sm text-stone-500" />
                </div>
                <p className="text-sm break-all text-stone-600">To {message.toAddress}</p>
                <p className={`text-sm font-medium break-words ${note.className}`} data-testid="outbox-status">
                  {note.text}
                </p>
                {message.body === null ? (
                  <p className="text-sm text-stone-600">Holds a personal sign-up link, so only its addressee sees it.</p>
                ) : (
                  <details className="text-sm">
                    <summary className="cursor-pointer py-2 text-stone-700">Show message</summary>
                    <pre className="rounded-lg bg-stone-50 p-3 font-sans break-words whitespace-pre-wrap text-stone-800">
                      {message.body}
                    </pre>
                  </details>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {messages.length === OUTBOX_PAGE_SIZE ? (
        <p className="text-sm text-stone-600">Showing the newest {OUTBOX_PAGE_SIZE} messages.</p>
      ) : null}
    </div>
  );
}
