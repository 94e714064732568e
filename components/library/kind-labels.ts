import type { ExerciseKind } from "@/lib/exercises/types";

export const KIND_LABELS: Record<ExerciseKind, string> = {
  journal: "Journal",
  log: "Log",
  script: "Script",
  tracker: "Tracker",
  measure: "Measure",
  guided: "Guided practice",
  action: "Action plan",
};
