import { TextField } from "@/components/ui/field";
import { CheckboxField } from "./checkbox-field";
import { errorsUnder } from "./builder-errors";
import type { EditorProps } from "./editor-props";

export function TextSettings({ draft, errors, update }: EditorProps) {
  return (
    <div className="space-y-4">
      <TextField
        label="Example answer (optional)"
        hint="Shown faintly in the empty box to help your client start."
        value={draft.placeholder}
        onChange={(event) => update({ placeholder: event.target.value })}
        error={errorsUnder(errors, "placeholder")}
      />
      {draft.type === "long_text" ? (
        <CheckboxField
          label="Client may keep this private"
          hint="Your client can choose to keep this answer to themselves. It is saved for them, and you will see that they answered, but not what they wrote."
          checked={draft.privateAllowed}
          onChange={(event) => update({ privateAllowed: event.target.checked })}
          error={errorsUnder(errors, "privateAllowed")}
        />
      ) : null}
      <CheckboxField
        label="Gently point out minimising phrases"
        hint="Useful for apologies: while your client writes, Trellis kindly points out phrases such as “I didn’t mean to” that can make an apology land badly."
        checked={draft.warnOnMinimising}
        onChange={(event) => update({ warnOnMinimising: event.target.checked })}
        error={errorsUnder(errors, "warnOnMinimising")}
      />
    </div>
  );
}
