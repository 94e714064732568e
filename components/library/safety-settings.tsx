import { TextField } from "@/components/ui/field";
import { CheckboxField } from "./checkbox-field";
import { errorsUnder } from "./builder-errors";
import type { YesPartlyNo } from "@/lib/exercises/fields";
import { hasOptions, YES_PARTLY_NO_ANSWERS, YES_PARTLY_NO_LABELS, type DraftField } from "./builder-model";
import { numberOrUndefined, type EditorProps } from "./editor-props";

function toggle<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? [...list.filter((other) => other !== item), item] : list.filter((other) => other !== item);
}

function AnswerChoices({ draft, update, errorId }: Pick<EditorProps, "draft" | "update"> & { errorId?: string }) {
  const choices: { id: string; label: string; checked: boolean; set: (on: boolean) => Partial<DraftField> }[] = hasOptions(draft.type)
    ? draft.options.map((option, index) => ({
        id: option.uid,
        label: option.label.trim() || `Option ${index + 1}`,
        checked: draft.unsafeOptions.includes(option.uid),
        set: (on) => ({ unsafeOptions: toggle(draft.unsafeOptions, option.uid, on) }),
      }))
    : YES_PARTLY_NO_ANSWERS.map((answer: YesPartlyNo) => ({
        id: answer,
        label: YES_PARTLY_NO_LABELS[answer],
        checked: draft.unsafeAnswers.includes(answer),
        set: (on) => ({
          unsafeAnswers: YES_PARTLY_NO_ANSWERS.filter((other) => (other === answer ? on : draft.unsafeAnswers.includes(other))),
        }),
      }));
  return (
    <fieldset className="space-y-2" aria-describedby={errorId}>
      <legend className="text-sm font-medium text-stone-800">Which answers should alert you?</legend>
      {choices.map((choice) => (
        <CheckboxField
          key={choice.id}
          label={choice.label}
          checked={choice.checked}
          onChange={(event) => update(choice.set(event.target.checked))}
        />
      ))}
    </fieldset>
  );
}

export function SafetySettings({ draft, errors, update }: EditorProps) {
  const numeric = draft.type === "scale" || draft.type === "number";
  const ruleErrors = errorsUnder(errors, "safety");
  return (
    <div className="space-y-3 rounded-lg border border-amber-200 bg-amber-50/60 p-3">
      <CheckboxField
        label="Safety item"
        hint="When your client gives a worrying answer here, they see crisis resources straight away and you see a flag on your dashboard until you acknowledge it."
        checked={draft.safety}
        onChange={(event) => update({ safety: event.target.checked })}
      />
      {draft.safety && numeric ? (
        <TextField
          label="Alert me when the answer is at least"
          hint={
            draft.type === "scale"
              ? "A number from 0 to 10. Phrase the question so that a higher number means more concern."
              : "Phrase the question so that a higher number means more concern."
          }
          type="number"
          inputMode="numeric"
          value={draft.threshold ?? ""}
          onChange={(event) => update({ threshold: numberOrUndefined(event.target.value) })}
          error={ruleErrors}
        />
      ) : null}
      {draft.safety && !numeric ? (
        <>
          <AnswerChoices draft={draft} update={update} errorId={ruleErrors ? `${draft.uid}-safety-error` : undefined} />
          {ruleErrors ? (
            <p id={`${draft.uid}-safety-error`} className="text-sm font-medium text-red-700">
              {ruleErrors.join(" ")}
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
