import type { ExerciseKind } from "@/lib/exercises/types";
import { KIND_LABELS } from "./kind-labels";

export function KindBadge({ kind }: { kind: ExerciseKind }) {
  return (
    <span className="inline-flex items-center rounded-full bg-brand-50 px-2 py-0.5 text-xs font-semibold text-brand-900 ring-1 ring-brand-200">
      {KIND_LABELS[kind]}
    </span>
  );
}
