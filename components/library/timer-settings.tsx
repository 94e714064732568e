import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { errorsUnder } from "./builder-errors";
import type { TimerPattern } from "./builder-model";
import { numberOrUndefined, type EditorProps } from "./editor-props";

const PATTERN_LABELS: Record<TimerPattern, string> = {
  box_breathing: "Box breathing (in, hold, out, hold)",
  countdown: "Simple countdown",
};

export function TimerSettings({ draft, errors, update }: EditorProps) {
  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="Timer style"
          value={draft.pattern}
          onChange={(event) => {
            const pattern = event.target.value as TimerPattern;
            update({ pattern, phaseSeconds: pattern === "box_breathing" ? (draft.phaseSeconds ?? 4) : undefined });
          }}
          error={errorsUnder(errors, "pattern")}
        >
          {Object.entries(PATTERN_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Length in seconds"
          hint="From 10 seconds to 30 minutes (1,800 seconds)."
          type="number"
          inputMode="numeric"
          min={10}
          max={1800}
          value={draft.seconds ?? ""}
          onChange={(event) => update({ seconds: numberOrUndefined(event.target.value) })}
          error={errorsUnder(errors, "seconds")}
        />
      </div>
      {draft.pattern === "box_breathing" ? (
        <TextField
          label="Seconds for each breath step"
          hint="4 gives the classic 4-4-4 rhythm."
          type="number"
          inputMode="numeric"
          min={2}
          max={10}
          value={draft.phaseSeconds ?? ""}
          onChange={(event) => update({ phaseSeconds: numberOrUndefined(event.target.value) })}
          error={errorsUnder(errors, "phaseSeconds")}
        />
      ) : null}
      <TextAreaField
        label="Steps to show while the timer runs (optional)"
        hint="One step per line."
        rows={4}
        value={draft.steps}
        onChange={(event) => update({ steps: event.target.value })}
        error={errorsUnder(errors, "steps")}
      />
    </div>
  );
}
