import { ExercisePreview } from "@/components/exercises/exercise-preview";
import type { FieldDefinition } from "@/lib/exercises/field-types";
import { previewField } from "@/lib/exercises/preview-field";
import type { FieldPayload } from "./builder-model";

/** A live preview of the questions as typed; unfinished ones are left out until they are complete. */
export function BuilderPreview({
  title,
  purpose,
  instructions,
  estimatedMinutes,
  payloads,
}: {
  title: string;
  purpose: string;
  instructions: string;
  estimatedMinutes: string;
  payloads: readonly FieldPayload[];
}) {
  // Round-trip through JSON so the preview sees exactly what the server will.
  const sent = JSON.parse(JSON.stringify(payloads)) as unknown[];
  const fields: FieldDefinition[] = [];
  const unfinished: number[] = [];
  sent.forEach((payload, index) => {
    // Zod-free on purpose: this runs in the browser (lib/exercises/preview-field.ts).
    const field = previewField(payload);
    if (field) fields.push(field);
    else unfinished.push(index + 1);
  });
  const minutes = Number(estimatedMinutes);
  return (
    <div className="space-y-3">
      {unfinished.length ? (
        <p className="text-sm text-stone-600" role="status">
          {unfinished.length === 1 ? `Question ${unfinished[0]} isn’t` : `Questions ${unfinished.join(", ")} aren’t`} finished yet, so
          {unfinished.length === 1 ? " it is" : " they are"} left out of this preview.
        </p>
      ) : null}
      <ExercisePreview
        idPrefix="builder-preview"
        therapistNotes
        exercise={{
          title: title.trim() || "Untitled exercise",
          purpose: purpose.trim() || "Your purpose sentence will appear here.",
          instructions: instructions.trim() || null,
          estimatedMinutes: Number.isInteger(minutes) && minutes > 0 ? minutes : 1,
          fields,
        }}
      />
    </div>
  );
}
