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
  return [...rows].sort(
    (a, b) =>
      attentionRankOf(a.flags) - attentionRankOf(b.flags) ||
      flagCount(b.flags) - flagCount(a.flags) ||
      b.flags.overdue - a.flags.overdue ||
      (b.flags.silentDays ?? -1) - (a.flags.silentDays ?? -1) ||
      byName.compare(a.name, b.name),
  );
}
