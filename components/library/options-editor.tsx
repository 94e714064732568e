import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { CheckboxField } from "./checkbox-field";
import { errorsUnder } from "./builder-errors";
import { moveItem, type DraftOption } from "./builder-model";
import { numberOrUndefined, type EditorProps } from "./editor-props";

export function OptionsEditor({ draft, errors, update, makeUid }: EditorProps) {
  // Scores only exist on copies of scored questionnaires; keep them editable there.
  const scored = draft.type === "single_choice" && draft.options.some((option) => option.score !== undefined);
  const listErrors = errors["options"];

  function setOption(index: number, patch: Partial<DraftOption>) {
    update({ options: draft.options.map((option, at) => (at === index ? { ...option, ...patch } : option)) });
  }

  function remove(index: number) {
    const removed = draft.options[index];
    update({
      options: draft.options.filter((_, at) => at !== index),
      unsafeOptions: draft.unsafeOptions.filter((uid) => uid !== removed?.uid),
    });
  }

  return (
    <fieldset className="space-y-3" aria-describedby={listErrors ? `${draft.uid}-options-error` : undefined}>
      <legend className="text-sm font-medium text-stone-800">Answers to choose from</legend>
      <ol className="space-y-3">
        {draft.options.map((option, index) => (
          <li key={option.uid} className="rounded-lg border border-stone-200 bg-stone-50 p-3">
            <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
              <div className="min-w-0 flex-1">
                <TextField
                  label={`Option ${index + 1}`}
                  value={option.label}
                  onChange={(event) => setOption(index, { label: event.target.value })}
                  error={errorsUnder(errors, `options.${index}`)}
                />
              </div>
              {scored ? (
                <div className="sm:w-28">
                  <TextField
                    label="Score"
                    type="number"
                    inputMode="numeric"
                    value={option.score ?? ""}
                    onChange={(event) => setOption(index, { score: numberOrUndefined(event.target.value) })}
                  />
                </div>
              ) : null}
              <div className="flex gap-1 sm:pt-7">
                <Button
                  variant="ghost"
                  className="px-3"
                  disabled={index === 0}
                  aria-label={`Move option ${index + 1} up`}
                  onClick={() => update({ options: moveItem(draft.options, index, index - 1) })}
                >
                  ↑
                </Button>
                <Button
                  variant="ghost"
                  className="px-3"
                  disabled={index === draft.options.length - 1}
                  aria-label={`Move option ${index + 1} down`}
                  onClick={() => update({ options: moveItem(draft.options, index, index + 1) })}
                >
                  ↓
                </Button>
                <Button variant="ghost" className="px-3" aria-label={`Remove option ${index + 1}`} onClick={() => remove(index)}>
                  ✕
                </Button>
              </div>
            </div>
          </li>
        ))}
      </ol>
      {listErrors ? (
        <p id={`${draft.uid}-options-error`} className="text-sm font-medium text-red-700">
          {listErrors.join(" ")}
        </p>
      ) : null}
      <Button
        variant="secondary"
        disabled={draft.options.length >= 30}
        onClick={() => update({ options: [...draft.options, { uid: makeUid(), fixedValue: null, label: "" }] })}
      >
        Add an option
      </Button>
      {draft.type === "multi_choice" ? (
        <CheckboxField
          label="Ticking none is a fine answer"
          hint="Useful for checklists, where “none of these” is a good result."
          checked={draft.minSelected === 0}
          onChange={(event) => update({ minSelected: event.target.checked ? 0 : undefined })}
          error={errorsUnder(errors, "minSelected") ?? errorsUnder(errors, "maxSelected")}
        />
      ) : null}
    </fieldset>
  );
}
