import type { SpecialCard } from "@/lib/progress/get-progress-overview";

/**
 * Whether an exercise gets its card of small charts, one per question. A
 * client sees a questionnaire's total, not a chart per item (item 9 of the
 * PHQ-9 asks about self-harm: that is for the clinician to follow up).
 */
export function showsItemCharts(special: SpecialCard | null | undefined, audience: "client" | "therapist"): boolean {
  const questionnaire = special === "phq-9" || special === "gad-7";
  return !(audience === "client" && questionnaire);
}
