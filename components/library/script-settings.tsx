import { TextAreaField, TextField } from "@/components/ui/field";
import { errorsUnder } from "./builder-errors";
import { syncBlanks, type DraftBlank } from "./builder-model";
import type { EditorProps } from "./editor-props";

export function ScriptSettings({ draft, errors, update }: EditorProps) {
  const templateErrors = [...(errors["template"] ?? []), ...(errors["blanks"] ?? [])];

  function setBlank(index: number, patch: Partial<DraftBlank>) {
    update({ blanks: draft.blanks.map((blank, at) => (at === index ? { ...blank, ...patch } : blank)) });
  }

  return (
    <div className="space-y-4">
      <TextAreaField
        label="The sentence"
        hint="Put each gap your client fills in inside curly braces, using lower-case words, e.g. I feel {feeling} when {situation}."
        value={draft.template}
        onChange={(event) => {
          const template = event.target.value;
          update({ template, blanks: syncBlanks(template, draft.blanks) });
        }}
        error={templateErrors.length ? templateErrors : undefined}
      />
      {draft.blanks.length ? (
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium text-stone-800">The gaps</legend>
          <p className="text-sm text-stone-600">Each gap gets its own box in the portal, with this label above it.</p>
          {draft.blanks.map((blank, index) => (
            <div key={blank.key} className="grid gap-3 rounded-lg border border-stone-200 bg-stone-50 p-3 sm:grid-cols-2">
              <TextField
                label={`Label for {${blank.key}}`}
                value={blank.label}
                onChange={(event) => setBlank(index, { label: event.target.value })}
                error={errorsUnder(errors, `blanks.${index}.label`) ?? errorsUnder(errors, `blanks.${index}.key`)}
              />
              <TextField
                label="Example (optional)"
                value={blank.placeholder ?? ""}
                onChange={(event) => setBlank(index, { placeholder: event.target.value || undefined })}
                error={errorsUnder(errors, `blanks.${index}.placeholder`) ?? errorsUnder(errors, `blanks.${index}.maxLength`)}
              />
            </div>
          ))}
        </fieldset>
      ) : null}
    </div>
  );
}
