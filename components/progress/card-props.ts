import type { ChartKit } from "@/components/charts/chart-kit";
import type { ChartPeriod } from "@/lib/progress/range";
import type { ProgressViewer } from "@/lib/progress/viewer";
import type { CardVariant } from "./chart-card";

/** Therapist cards are compact; the client's are warmer. */
export type Audience = "therapist" | "client";

export type ProgressCardProps = {
  viewer: ProgressViewer;
  range: ChartPeriod;
  audience: Audience;
  /** Unfold every table on screen. */
  tableOpen?: boolean;
  /** "print": no buttons or form controls, tables unfolded, empty cards left out. */
  variant?: CardVariant;
  /** Server-drawn SVG unless the page asks for the interactive charts (the therapist's screen). */
  charts?: ChartKit;
};

/** "in the last 4 weeks" / "in the last 12 weeks" / "so far" / "in this period" (a report's chosen days). */
export function periodPhrase(range: ChartPeriod): string {
  if (typeof range === "object") return "in this period";
  return range === "all" ? "so far" : `in the last ${range === "4w" ? 4 : 12} weeks`;
}

/** The one-line note of a card with nothing in the chosen period (the page shows such cards rarely: see ProgressCards). */
export function emptyText(audience: Audience, range: ChartPeriod): string {
  if (audience === "client") return `Nothing here ${range === "all" ? "yet" : "in this period"}.`;
  return range === "all" ? "No entries yet." : "No entries in this period.";
}
