import { TextField } from "@/components/ui/field";
import { errorsUnder } from "./builder-errors";
import type { EditorProps } from "./editor-props";

export function ScaleSettings({ draft, errors, update }: EditorProps) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField
        label="What 0 means"
        placeholder="Not at all"
        value={draft.minLabel}
        onChange={(event) => update({ minLabel: event.target.value })}
        error={errorsUnder(errors, "minLabel")}
      />
      <TextField
        label="What 10 means"
        placeholder="Completely"
        value={draft.maxLabel}
        onChange={(event) => update({ maxLabel: event.target.value })}
        error={errorsUnder(errors, "maxLabel")}
      />
    </div>
  );
}
