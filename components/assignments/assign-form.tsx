"use client";

import { useActionState, useState } from "react";
import { assignAction } from "@/lib/assignments/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldError, typedValue } from "@/components/ui/form-state";

type Option = { id: string; label: string };
const SCHEDULES = [
  { value: "ONCE", label: "Once, by a due date" },
  { value: "DAILY", label: "Every day" },
  { value: "WEEKLY", label: "Weekly, on chosen days" },
  { value: "DAILY_FOR_N_DAYS", label: "Every day for a number of days" },
] as const;
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

export function AssignForm({
  templates,
  clients,
  defaultTemplateId,
  defaultClientIds,
  today,
}: {
  templates: (Option & { suggestedSchedule?: string; suggestedDays?: number })[];
  clients: Option[];
  defaultTemplateId?: string;
  defaultClientIds: string[];
  today: string;
}) {
  const [state, action] = useActionState(assignAction, null);
  const initialTemplate = templates.find((template) => template.id === defaultTemplateId);
  const [schedule, setSchedule] = useState<string>(initialTemplate?.suggestedSchedule?.toUpperCase() ?? "ONCE");
  const clientError = fieldError(state, "clientIds")?.[0];
  const weekdayError = fieldError(state, "weekdays")?.[0];

  return (
    <form action={action} noValidate className="space-y-5">
      <FormAlert tone={state?.ok ? "success" : "error"} message={state?.message} />
      <SelectField
        label="Exercise"
        name="templateId"
        defaultValue={typedValue(state, "templateId") ?? defaultTemplateId ?? ""}
        error={fieldError(state, "templateId")}
        onChange={(event) => {
          const chosen = templates.find((template) => template.id === event.target.value);
          if (chosen?.suggestedSchedule) setSchedule(chosen.suggestedSchedule.toUpperCase());
        }}
      >
        <option value="" disabled>
          Choose an exercise…
        </option>
        {templates.map((template) => (
          <option key={template.id} value={template.id}>
            {template.label}
          </option>
        ))}
      </SelectField>

      <fieldset aria-describedby={clientError ? "clients-error" : undefined} className="space-y-2">
        <legend className="text-sm font-medium text-stone-800">Clients</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {clients.map((client) => (
            <label key={client.id} className="flex min-h-11 items-center gap-2 rounded-lg border border-stone-200 bg-white px-3">
              <input type="checkbox" name="clientIds" value={client.id} defaultChecked={defaultClientIds.includes(client.id)} className="size-5 accent-brand-700" />
              {client.label}
            </label>
          ))}
        </div>
        <p id="clients-error" aria-live="polite" className="text-sm font-medium text-red-700">
          {clientError}
        </p>
      </fieldset>

      <TextAreaField
        label="Note to the client (optional)"
        name="note"
        rows={3}
        hint="Shown with the exercise in their portal."
        defaultValue={typedValue(state, "note")}
        error={fieldError(state, "note")}
      />

      <SelectField label="How often" name="scheduleType" value={schedule} onChange={(event) => setSchedule(event.target.value)} error={fieldError(state, "scheduleType")}>
        {SCHEDULES.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </SelectField>

      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Start date"
          name="startDate"
          type="date"
          hint="In each client’s own calendar."
          defaultValue={typedValue(state, "startDate") ?? today}
          error={fieldError(state, "startDate")}
        />
        {schedule === "ONCE" ? (
          <TextField label="Due date" name="dueDate" type="date" defaultValue={typedValue(state, "dueDate")} error={fieldError(state, "dueDate")} />
        ) : null}
        {schedule === "DAILY_FOR_N_DAYS" ? (
          <TextField
            label="Number of days"
            name="dayCount"
            type="number"
            inputMode="numeric"
            min={1}
            max={365}
            defaultValue={typedValue(state, "dayCount") ?? String(initialTemplate?.suggestedDays ?? 30)}
            error={fieldError(state, "dayCount")}
          />
        ) : null}
        {schedule === "DAILY" || schedule === "WEEKLY" ? (
          <TextField label="End date (optional)" name="endDate" type="date" defaultValue={typedValue(state, "endDate")} error={fieldError(state, "endDate")} />
        ) : null}
      </div>

      {schedule === "WEEKLY" ? (
        <fieldset aria-describedby={weekdayError ? "weekdays-error" : undefined}>
          <legend className="text-sm font-medium text-stone-800">On these days</legend>
          <div className="mt-2 flex flex-wrap gap-2">
            {WEEKDAYS.map((day, index) => (
              <label key={day} className="flex min-h-11 items-center gap-1.5 rounded-lg border border-stone-200 bg-white px-3">
                <input type="checkbox" name="weekdays" value={index} className="size-5 accent-brand-700" />
                {day}
              </label>
            ))}
          </div>
          <p id="weekdays-error" aria-live="polite" className="mt-1 text-sm font-medium text-red-700">
            {weekdayError}
          </p>
        </fieldset>
      ) : null}

      <SubmitButton pendingLabel="Assigning…">Assign</SubmitButton>
    </form>
  );
}
