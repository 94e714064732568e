// "Sorted by who needs attention": safety first, then a declining check-in,
// then 3+ overdue, then silent 7+ days, then everyone else. Pure.
import { openFlagCount } from "./attention-flags";
import type { AttentionRank, CaseloadFlags } from "./types";

type Rankable = { name: string; flags: CaseloadFlags };

/** The most urgent open flag decides the rank (see AttentionRank). */
export function attentionRankOf(flags: CaseloadFlags): AttentionRank {
  if (flags.safety) return 0;
  if (flags.declining) return 1;
  if (flags.overdue > 0) return 2;
  if (flags.silentDays !== null) return 3;
  return 4;
}

function flagCount(flags: CaseloadFlags): number {
  return openFlagCount(flags, Number(flags.safety));
}

const byName = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/**
 * A sorted copy. Within one rank, a client with more open flags comes first,
 * then more overdue items, then a longer silence, then by name, so the order
 * is stable from one page load to the next.
 */
export function rankByAttention<T extends Rankable>(rows: readonly T[]): T[] {
  // Each row's figures are worked out once, not in every comparison (a
  // practice-wide caseload sorts thousands of rows).
  const decorated = rows.map((row) => ({
    row,
    rank: attentionRankOf(row.flags),
    count: flagCount(row.flags),
    overdue: row.flags.overdue,
    silent: row.flags.silentDays ?? -1,
  }));
  decorated.sort(
    (a, b) =>
      a.rank - b.rank ||
      b.count - a.count ||
      b.overdue - a.overdue ||
      b.silent - a.silent ||
      byName.compare(a.row.name, b.row.name),
  );
  return decorated.map((entry) => entry.row);
}
