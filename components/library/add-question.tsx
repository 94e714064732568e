import { useState } from "react";
import type { FieldType } from "@/lib/exercises/fields";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { FIELD_TYPE_LABELS, FIELD_TYPES } from "./builder-model";

export function AddQuestion({
  onAdd,
  disabled,
  describedBy,
}: {
  onAdd: (type: FieldType) => void;
  disabled: boolean;
  describedBy?: string;
}) {
  const [type, setType] = useState<FieldType>("long_text");
  return (
    <div className="flex flex-col gap-3 rounded-xl border border-dashed border-stone-300 p-4 sm:flex-row sm:items-end">
      <div className="sm:w-72">
        <SelectField label="Type of the new question" value={type} onChange={(event) => setType(event.target.value as FieldType)}>
          {FIELD_TYPES.map((option) => (
            <option key={option} value={option}>
              {FIELD_TYPE_LABELS[option]}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="sm:pb-6">
        <Button id="add-question-button" variant="secondary" disabled={disabled} aria-describedby={describedBy} onClick={() => onAdd(type)}>
          Add a question
        </Button>
      </div>
    </div>
  );
}
