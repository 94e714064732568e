"use client";

import { useActionState, useId } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldError, typedValue } from "@/components/ui/form-state";
import { updateReminderAction } from "@/lib/reminders/reminder-action";

export function ReminderSettingsForm({
  reminderTime,
  timeZone,
  suggestedTime,
}: {
  reminderTime: string | null;
  timeZone: string;
  /** The practice's suggestion, for a client who has not chosen a time. */
  suggestedTime?: string | null;
}) {
  const [state, action] = useActionState(updateReminderAction, null);
  const checkboxId = useId();
  // After a failed save, keep what the person chose rather than the stored setting.
  const enabled = state && !state.ok ? typedValue(state, "enabled") === "on" : reminderTime !== null;
  const time = typedValue(state, "reminderTime") ?? reminderTime ?? suggestedTime ?? "18:00";
  return (
    <form action={action} noValidate className="space-y-4" aria-label="Homework reminders">
      <FormAlert
        tone={state && !state.ok ? "error" : "success"}
        message={state ? state.message : undefined}
      />
      <div className="flex items-start gap-3">
        <input
          id={checkboxId}
          name="enabled"
          type="checkbox"
          value="on"
          defaultChecked={enabled}
          className="mt-0.5 size-6 shrink-0 rounded border-stone-300 accent-brand-700"
        />
        <label htmlFor={checkboxId} className="text-sm text-stone-800">
          Email me on days I have homework due
        </label>
      </div>
      <TextField
        label="Time of day"
        name="reminderTime"
        type="time"
        defaultValue={time}
        hint={`In your time zone, ${timeZone.replaceAll("_", " ")}. The email only says that homework is waiting.`}
        error={fieldError(state, "reminderTime")}
        className="sm:max-w-48"
      />
      <SubmitButton pendingLabel="Saving…">Save reminder</SubmitButton>
    </form>
  );
}
