import type { Trend } from "@/lib/caseload/trust-trend";

const LABELS: Record<Trend, { arrow: string; text: string; className: string }> = {
  up: { arrow: "↑", text: "Up", className: "text-brand-800" },
  flat: { arrow: "→", text: "Flat", className: "text-stone-700" },
  down: { arrow: "↓", text: "Down", className: "text-red-800" },
};

/** The trust trend in words with an arrow beside it; colour only repeats what the words say. */
export function TrendLabel({ trend }: { trend: Trend | null }) {
  if (trend === null) {
    return (
      <span className="text-stone-500">
        <span aria-hidden="true">—</span>
        <span className="sr-only">Not enough check-ins</span>
      </span>
    );
  }
  const label = LABELS[trend];
  return (
    <span className={`font-medium whitespace-nowrap ${label.className}`}>
      <span aria-hidden="true">{label.arrow} </span>
      {label.text}
    </span>
  );
}
