import { formatDateTime } from "@/lib/dates/format";
import type { ReportFlag } from "@/lib/exports/report-flags";

/**
 * Unacknowledged safety flags, first on the report and never left off paper:
 * when each was raised (client's time zone) and the question that raised it.
 */
export function OpenFlags({ flags, timeZone }: { flags: ReportFlag[]; timeZone: string }) {
  return (
    <section aria-labelledby="open-flags-heading" className="report-flags rounded-xl border border-red-300 bg-red-50 p-4 print:bg-white data-[empty]:border-stone-200 data-[empty]:bg-white" data-empty={flags.length ? undefined : ""}>
      <h2 id="open-flags-heading" className="text-lg font-semibold">
        Open safety flags
      </h2>
      {flags.length === 0 ? (
        <p className="mt-1 text-sm text-stone-700">No open safety flags.</p>
      ) : (
        <ul className="mt-2 space-y-3 text-sm">
          {flags.map((flag) => (
            <li key={flag.id} className="text-stone-800">
              <p className="font-medium">
                Raised <time dateTime={flag.raisedAt.toISOString()}>{formatDateTime(flag.raisedAt, timeZone)}</time>
                {flag.exercise ? ` · ${flag.exercise}` : null}
              </p>
              {flag.questions.length ? (
                flag.questions.map((question) => (
                  <p key={question.label} className="mt-1">
                    “{question.label}” — {question.answer ?? "answer kept private"}
                  </p>
                ))
              ) : (
                <p className="mt-1 text-stone-700">The entry that raised it is no longer available.</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
