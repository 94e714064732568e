"use client";

import { useActionState } from "react";
import { SelectField, TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { fieldError, typedValue } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { addSessionAction } from "@/lib/therapy-sessions/actions";
import { RECURRENCE_LABELS } from "@/lib/therapy-sessions/limits";

/** Date and time are the clinician's wall clock, in the zone named beside them. */
export function AddSessionForm({ clientId, zoneLabel, defaultDate }: { clientId: string; zoneLabel: string; defaultDate: string }) {
  const [state, action] = useActionState(addSessionAction, null);
  const fieldMessages = state && !state.ok ? Object.keys(state.fieldErrors).some((key) => key !== "form") : false;
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="clientId" value={clientId} />
      <p className="text-sm text-stone-600">Times are in your time zone: {zoneLabel}.</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Date" name="date" type="date" required defaultValue={typedValue(state, "date") ?? defaultDate} error={fieldError(state, "date")} />
        <TextField label="Time" name="time" type="time" required defaultValue={typedValue(state, "time") ?? "15:00"} error={fieldError(state, "time")} />
        <TextField
          label="Length (minutes)"
          name="durationMinutes"
          type="number"
          inputMode="numeric"
          min={5}
          max={480}
          required
          defaultValue={typedValue(state, "durationMinutes") ?? "50"}
          error={fieldError(state, "durationMinutes")}
        />
        <SelectField
          label="Repeats"
          name="recurrence"
          hint="Repeating sessions are added for the next 12 weeks."
          defaultValue={typedValue(state, "recurrence") ?? "NONE"}
          error={fieldError(state, "recurrence")}
        >
          {Object.entries(RECURRENCE_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
      </div>
      <FormAlert tone="success" message={state?.ok ? state.message : undefined} />
      <FormAlert message={state && !state.ok && !fieldMessages ? state.message : undefined} />
      <SubmitButton pendingLabel="Adding…">Add session</SubmitButton>
    </form>
  );
}
