"use client";

import { useActionState } from "react";
import { updatePracticeSettingsAction } from "@/lib/practice/actions";
import { setPracticeRequirementAction } from "@/lib/two-factor/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/field";
import { fieldError, typedValue } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";

export function PracticeSettingsForm({
  name,
  defaultReminderTime,
  escalateAfterHours,
}: {
  name: string;
  defaultReminderTime: string | null;
  escalateAfterHours: number;
}) {
  const [state, action] = useActionState(updatePracticeSettingsAction, null);
  return (
    <form action={action} noValidate className="space-y-4" aria-label="Practice settings">
      <FormAlert tone={state?.ok ? "success" : "error"} message={state?.message} />
      <TextField label="Practice name" name="name" defaultValue={typedValue(state, "name") ?? name} required error={fieldError(state, "name")} />
      <TextField
        label="Suggested reminder time for new clients"
        name="defaultReminderTime"
        type="time"
        hint="Clients choose whether they get an e-mail on days homework is due; this is the time suggested to them. Leave empty for none."
        defaultValue={typedValue(state, "defaultReminderTime") ?? defaultReminderTime ?? ""}
        error={fieldError(state, "defaultReminderTime")}
      />
      <TextField
        label="Tell the owner and supervisors about an unacknowledged safety flag after (hours)"
        name="escalateAfterHours"
        type="number"
        inputMode="numeric"
        min={1}
        max={336}
        hint="From 1 to 336 hours (two weeks). The client's clinician is told at once."
        defaultValue={typedValue(state, "escalateAfterHours") ?? String(escalateAfterHours)}
        required
        error={fieldError(state, "escalateAfterHours")}
      />
      <SubmitButton pendingLabel="Saving…">Save settings</SubmitButton>
    </form>
  );
}

export function PracticeTwoFactorForm({ required }: { required: boolean }) {
  const [state, action] = useActionState(setPracticeRequirementAction, null);
  return (
    <form action={action} className="space-y-4" aria-label="Two-step sign-in for the practice">
      <FormAlert tone={state?.ok ? "success" : "error"} message={state?.message} />
      <label className="flex items-start gap-3 text-sm text-stone-800">
        <input type="checkbox" name="requireTwoFactor" value="on" defaultChecked={required} className="mt-0.5 h-5 w-5 rounded border-stone-400 text-brand-700" />
        <span>
          <span className="font-medium">Require two-step sign-in for every member of the practice</span>
          <span className="block text-stone-600">Members without it are asked to set it up before they can see any client.</span>
        </span>
      </label>
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        Save
      </SubmitButton>
    </form>
  );
}
