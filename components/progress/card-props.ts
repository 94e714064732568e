import type { ProgressRange } from "@/lib/progress/range";
import type { ProgressViewer } from "@/lib/progress/viewer";

/** Therapist cards are compact and name the exercise to assign; the client's are warmer. */
export type Audience = "therapist" | "client";

export type ProgressCardProps = {
  viewer: ProgressViewer;
  range: ProgressRange;
  audience: Audience;
  /** The printable report shows every table unfolded. */
  tableOpen?: boolean;
};

/** "in the last 4 weeks" / "in the last 12 weeks" / "so far". */
export function periodPhrase(range: ProgressRange): string {
  return range === "all" ? "so far" : `in the last ${range === "4w" ? 4 : 12} weeks`;
}

/** The empty state: the therapist learns what to assign, the client that nothing is here yet. */
export function emptyText(audience: Audience, range: ProgressRange, exercise: string | null, clientText: string): string {
  if (audience === "client") return clientText;
  const longer = range === "all" ? "" : " (or choose a longer range)";
  const what = exercise ? `“${exercise}”` : "homework on a schedule";
  return `Nothing in this period yet${longer}. Assign ${what} to see this chart.`;
}
