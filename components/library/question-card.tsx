import type { FieldType } from "@/lib/exercises/fields";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { CheckboxField } from "./checkbox-field";
import { errorsOutside, errorsUnder, type QuestionErrors } from "./builder-errors";
import { changeType, FIELD_TYPE_LABELS, FIELD_TYPES, supportsSafety, type DraftField } from "./builder-model";
import type { EditorProps } from "./editor-props";
import { NumberSettings } from "./number-settings";
import { OptionsEditor } from "./options-editor";
import { SafetySettings } from "./safety-settings";
import { ScaleSettings } from "./scale-settings";
import { ScriptSettings } from "./script-settings";
import { TextSettings } from "./text-settings";
import { TimerSettings } from "./timer-settings";

const COMMON_PATHS = ["", "type", "key", "label", "help", "required"];

const SHOWN_PATHS: Record<FieldType, string[]> = {
  short_text: ["placeholder", "warnOnMinimising"],
  long_text: ["placeholder", "warnOnMinimising", "privateAllowed"],
  scale: ["minLabel", "maxLabel", "safety"],
  number: ["min", "max", "unit", "integer", "safety"],
  single_choice: ["options", "safety"],
  multi_choice: ["options", "safety", "minSelected", "maxSelected"],
  yes_partly_no: ["safety"],
  script: ["template", "blanks"],
  timer: ["pattern", "seconds", "phaseSeconds", "steps"],
};

function TypeSettings(props: EditorProps) {
  switch (props.draft.type) {
    case "short_text":
    case "long_text":
      return <TextSettings {...props} />;
    case "scale":
      return <ScaleSettings {...props} />;
    case "number":
      return <NumberSettings {...props} />;
    case "single_choice":
    case "multi_choice":
      return <OptionsEditor {...props} />;
    case "yes_partly_no":
      return <p className="text-sm text-stone-600">Your client answers with Yes, Partly or No.</p>;
    case "script":
      return <ScriptSettings {...props} />;
    case "timer":
      return <TimerSettings {...props} />;
  }
}

export function QuestionCard({
  draft,
  index,
  count,
  errors,
  onChange,
  onMove,
  onRemove,
  makeUid,
}: {
  draft: DraftField;
  index: number;
  count: number;
  errors: QuestionErrors;
  onChange: (draft: DraftField) => void;
  onMove: (direction: -1 | 1) => void;
  onRemove: () => void;
  makeUid: () => string;
}) {
  const update = (patch: Partial<DraftField>) => onChange({ ...draft, ...patch });
  const props: EditorProps = { draft, errors, update, makeUid };
  const unplaced = errorsOutside(errors, [...COMMON_PATHS, ...SHOWN_PATHS[draft.type]]);
  const questionLevel = [...(errors[""] ?? []), ...unplaced];
  const number = index + 1;
  const headingId = `${draft.uid}-heading`;

  return (
    <li className="rounded-xl border border-stone-200 bg-white shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-stone-200 px-4 py-2">
        <h3 id={headingId} className="text-base font-semibold" tabIndex={-1}>
          Question {number}
          {draft.label.trim() ? <span className="sr-only">: {draft.label}</span> : null}
        </h3>
        <div className="flex gap-1">
          <Button id={`${draft.uid}-up`} variant="ghost" className="px-3" disabled={index === 0} onClick={() => onMove(-1)} aria-label={`Move question ${number} up`}>
            ↑ <span className="hidden sm:inline">Up</span>
          </Button>
          <Button
            id={`${draft.uid}-down`}
            variant="ghost"
            className="px-3"
            disabled={index === count - 1}
            onClick={() => onMove(1)}
            aria-label={`Move question ${number} down`}
          >
            ↓ <span className="hidden sm:inline">Down</span>
          </Button>
          <Button variant="ghost" className="px-3" onClick={onRemove} aria-label={`Remove question ${number}`}>
            Remove
          </Button>
        </div>
      </div>
      <div className="space-y-4 p-4">
        {questionLevel.length ? (
          <ul className="list-inside list-disc rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {questionLevel.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        ) : null}
        <SelectField
          label="Type of answer"
          value={draft.type}
          onChange={(event) => onChange(changeType(draft, event.target.value as FieldType))}
          error={errorsUnder(errors, "type")}
        >
          {FIELD_TYPES.map((type) => (
            <option key={type} value={type}>
              {FIELD_TYPE_LABELS[type]}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          id={`${draft.uid}-label`}
          label="Question"
          rows={2}
          value={draft.label}
          onChange={(event) => update({ label: event.target.value })}
          error={errorsUnder(errors, "label") ?? errorsUnder(errors, "key")}
        />
        <TextAreaField
          label="Help text (optional)"
          hint="A gentle nudge shown under the question."
          rows={2}
          value={draft.help}
          onChange={(event) => update({ help: event.target.value })}
          error={errorsUnder(errors, "help")}
        />
        <TypeSettings {...props} />
        <CheckboxField
          label="Answer required"
          hint={draft.type === "timer" ? "Leave this off so skipping the timer never stops your client from saving." : undefined}
          checked={draft.required}
          onChange={(event) => update({ required: event.target.checked })}
        />
        {supportsSafety(draft.type) ? <SafetySettings {...props} /> : null}
      </div>
    </li>
  );
}
