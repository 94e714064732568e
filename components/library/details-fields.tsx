import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/errors";
import { EXERCISE_KINDS, type ExerciseKind } from "@/lib/exercises/constants";
import { CheckboxField } from "./checkbox-field";
import { KIND_LABELS } from "./kind-labels";

export type Details = {
  title: string;
  purpose: string;
  kind: ExerciseKind;
  instructions: string;
  estimatedMinutes: string;
  allowsMultiplePerDay: boolean;
};

/** Title, purpose and the other facts about an exercise, above its questions. */
export function DetailsFields({
  details,
  onChange,
  fieldErrors,
}: {
  details: Details;
  onChange: (details: Details) => void;
  fieldErrors: FieldErrors;
}) {
  const set = (patch: Partial<Details>) => onChange({ ...details, ...patch });
  return (
    <div className="space-y-4">
      <TextField
        label="Title"
        name="title"
        autoComplete="off"
        value={details.title}
        onChange={(event) => set({ title: event.target.value })}
        error={fieldErrors["title"]}
      />
      <TextAreaField
        label="Purpose"
        name="purpose"
        hint="One or two warm sentences telling your client why this helps."
        value={details.purpose}
        onChange={(event) => set({ purpose: event.target.value })}
        error={fieldErrors["purpose"]}
      />
      <TextAreaField
        label="Instructions (optional)"
        name="instructions"
        hint="Shown above the questions, e.g. “Think about the past week.”"
        value={details.instructions}
        onChange={(event) => set({ instructions: event.target.value })}
        error={fieldErrors["instructions"]}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="Kind"
          name="kind"
          hint="Helps you find it in the library."
          value={details.kind}
          onChange={(event) => set({ kind: event.target.value as ExerciseKind })}
          error={fieldErrors["kind"]}
        >
          {EXERCISE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {KIND_LABELS[kind]}
            </option>
          ))}
        </SelectField>
        <TextField
          label="About how many minutes?"
          name="estimatedMinutes"
          hint="Between 1 and 120."
          type="number"
          inputMode="numeric"
          min={1}
          max={120}
          value={details.estimatedMinutes}
          onChange={(event) => set({ estimatedMinutes: event.target.value })}
          error={fieldErrors["estimatedMinutes"]}
        />
      </div>
      <CheckboxField
        label="Can be filled in several times a day"
        name="allowsMultiplePerDay"
        hint="For logs, where your client records each moment as it happens."
        checked={details.allowsMultiplePerDay}
        onChange={(event) => set({ allowsMultiplePerDay: event.target.checked })}
        error={fieldErrors["allowsMultiplePerDay"]}
      />
    </div>
  );
}
