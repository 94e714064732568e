import { unreviewedLabel } from "@/lib/review/list-inbox";
import Link from "next/link";
import type { CaseloadCounts as Counts } from "@/lib/caseload/types";

function Tile({ label, value, href }: { label: string; value: number | string; href?: string }) {
  return (
    <div className="rounded-xl border border-stone-200 bg-white p-3 sm:p-4">
      <dt className="text-xs font-medium text-stone-600 sm:text-sm">{href ? <Link href={href} className="inline-flex min-h-6 items-center underline underline-offset-2">{label}</Link> : label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums text-stone-900">{value}</dd>
    </div>
  );
}

/**
 * The three numbers at the top of the caseload, for the whole caseload
 * whatever the search. "To review" links to the review inbox only for those
 * who review (a supervisor reads the count, not the inbox).
 */
export function CaseloadCounts({ counts, reviews = true }: { counts: Counts; reviews?: boolean }) {
  return (
    <dl className="grid grid-cols-3 gap-2 sm:gap-4">
      <Tile label="Active clients" value={counts.activeClients} />
      <Tile label="To review" value={unreviewedLabel(counts.toReview)} href={reviews ? "/review" : undefined} />
      <Tile label="Open flags" value={counts.openFlags} />
    </dl>
  );
}
