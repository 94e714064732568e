import { TextField } from "@/components/ui/field";
import { CheckboxField } from "./checkbox-field";
import { errorsUnder } from "./builder-errors";
import { numberOrUndefined, type EditorProps } from "./editor-props";

export function NumberSettings({ draft, errors, update }: EditorProps) {
  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          label="Lowest allowed (optional)"
          type="number"
          inputMode="decimal"
          value={draft.min ?? ""}
          onChange={(event) => update({ min: numberOrUndefined(event.target.value) })}
          error={errorsUnder(errors, "min")}
        />
        <TextField
          label="Highest allowed (optional)"
          type="number"
          inputMode="decimal"
          value={draft.max ?? ""}
          onChange={(event) => update({ max: numberOrUndefined(event.target.value) })}
          error={errorsUnder(errors, "max")}
        />
        <TextField
          label="Unit (optional)"
          placeholder="times"
          value={draft.unit}
          onChange={(event) => update({ unit: event.target.value })}
          error={errorsUnder(errors, "unit")}
        />
      </div>
      <CheckboxField
        label="Whole numbers only"
        checked={draft.integer}
        onChange={(event) => update({ integer: event.target.checked })}
        error={errorsUnder(errors, "integer")}
      />
    </div>
  );
}
