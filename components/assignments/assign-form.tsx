"use client";

import { startTransition, useActionState, useState, type FormEvent } from "react";
import { assignAction } from "@/lib/assignments/actions";
import { formatDay } from "@/lib/dates/display";
import { FormAlert } from "@/components/ui/form-alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldError } from "@/components/ui/form-state";
import { AssignPreview, ExerciseSummary, type PickerExercise } from "./assign-preview";

type Option = { id: string; label: string };
const SCHEDULES = [
  { value: "ONCE", label: "Once, by a due date" },
  { value: "DAILY", label: "Every day" },
  { value: "WEEKLY", label: "Weekly, on chosen days" },
  { value: "DAILY_FOR_N_DAYS", label: "Every day for a number of days" },
] as const;
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
/** Kept in step with MAX_EXERCISES_PER_SUBMIT (lib/assignments/assign-many-schema.ts, which imports zod). */
const MAX_EXERCISES = 10;

export type ItemState = {
  key: number;
  templateId: string;
  scheduleType: string;
  startDate: string;
  dueDate: string;
  endDate: string;
  dayCount: string;
  weekdays: number[];
};

/** A fresh key per submit: the same key sent twice (a double click, a retry) assigns once. */
function newRequestKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

function blankItem(key: number, today: string, exercise?: PickerExercise): ItemState {
  return {
    key,
    templateId: exercise?.id ?? "",
    scheduleType: exercise?.suggestedSchedule?.toUpperCase() ?? "ONCE",
    startDate: today,
    dueDate: "",
    endDate: "",
    dayCount: String(exercise?.suggestedDays ?? 30),
    weekdays: [],
  };
}

/**
 * Every field is controlled, and the form is sent from onSubmit rather than
 * by React's form action (which resets a form after every submit): a
 * validation error keeps the chosen exercises, clients, days and dates.
 */
export function AssignForm({
  templates,
  clients,
  defaultTemplateId,
  defaultClientIds,
  today,
  timeZone,
}: {
  templates: PickerExercise[];
  clients: Option[];
  defaultTemplateId?: string;
  defaultClientIds: string[];
  today: string;
  timeZone: string;
}) {
  const [state, action] = useActionState(assignAction, null);
  const preselected = templates.find((template) => template.id === defaultTemplateId);
  const [items, setItems] = useState<ItemState[]>(() => [blankItem(0, today, preselected)]);
  const [nextKey, setNextKey] = useState(1);
  const [clientIds, setClientIds] = useState<string[]>(() => clients.filter((client) => defaultClientIds.includes(client.id)).map((client) => client.id));
  const [note, setNote] = useState("");
  const [requestKey, setRequestKey] = useState(newRequestKey);
  const [answered, setAnswered] = useState(state);
  // After a successful submit: a new key (the next submit is a new request) and a fresh list of exercises.
  if (state !== answered) {
    setAnswered(state);
    if (state?.ok) {
      setRequestKey(newRequestKey());
      setItems([blankItem(nextKey, today)]);
      setNextKey(nextKey + 1);
      setNote("");
    }
  }

  const update = (key: number, change: Partial<ItemState>) => setItems((list) => list.map((item) => (item.key === key ? { ...item, ...change } : item)));
  const clientError = fieldError(state, "clientIds")?.[0];
  const itemsError = fieldError(state, "items")?.[0];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => action(formData));
  }

  return (
    <form action={action} onSubmit={submit} noValidate className="space-y-6">
      <input type="hidden" name="requestKey" value={requestKey} />
      <fieldset aria-describedby={clientError ? "clients-error" : undefined} className="space-y-2">
        <legend className="text-sm font-medium text-stone-800">Clients</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {clients.map((client) => (
            <label key={client.id} className="flex min-h-11 items-center gap-2 rounded-lg border border-stone-200 bg-white px-3">
              <input
                type="checkbox"
                name="clientIds"
                value={client.id}
                checked={clientIds.includes(client.id)}
                onChange={(event) =>
                  setClientIds((chosen) => (event.target.checked ? [...chosen, client.id] : chosen.filter((id) => id !== client.id)))
                }
                className="size-5 accent-brand-700"
              />
              {client.label}
            </label>
          ))}
        </div>
        <p id="clients-error" aria-live="polite" className="text-sm font-medium text-red-700">
          {clientError}
        </p>
      </fieldset>

      <div className="space-y-4">
        {items.map((item, index) => {
          const exercise = templates.find((template) => template.id === item.templateId);
          const name = (field: string) => `items.${index}.${field}`;
          const error = (field: string) => fieldError(state, name(field));
          const weekdayError = error("weekdays")?.[0];
          const legend = `Exercise ${index + 1}`;
          return (
            <fieldset key={item.key} className="space-y-4 rounded-xl border border-stone-200 p-4" data-testid="assign-item">
              <legend className={items.length === 1 ? "sr-only" : "px-1 text-sm font-semibold text-stone-800"}>{legend}</legend>
              <SelectField
                label="Exercise"
                name={name("templateId")}
                value={item.templateId}
                error={error("templateId")}
                onChange={(event) => {
                  const chosen = templates.find((template) => template.id === event.target.value);
                  update(item.key, {
                    templateId: event.target.value,
                    ...(chosen?.suggestedSchedule ? { scheduleType: chosen.suggestedSchedule.toUpperCase() } : {}),
                    ...(chosen?.suggestedDays ? { dayCount: String(chosen.suggestedDays) } : {}),
                  });
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
              {exercise ? <ExerciseSummary exercise={exercise} /> : null}

              <SelectField
                label="How often"
                name={name("scheduleType")}
                value={item.scheduleType}
                onChange={(event) => update(item.key, { scheduleType: event.target.value })}
                error={error("scheduleType")}
              >
                {SCHEDULES.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </SelectField>

              <div className="grid gap-4 sm:grid-cols-2">
                <TextField
                  label="Start date"
                  name={name("startDate")}
                  type="date"
                  hint="In each client’s own calendar."
                  value={item.startDate}
                  onChange={(event) => update(item.key, { startDate: event.target.value })}
                  error={error("startDate")}
                />
                {item.scheduleType === "ONCE" ? (
                  <TextField
                    label="Due date"
                    name={name("dueDate")}
                    type="date"
                    value={item.dueDate}
                    onChange={(event) => update(item.key, { dueDate: event.target.value })}
                    error={error("dueDate")}
                  />
                ) : null}
                {item.scheduleType === "DAILY_FOR_N_DAYS" ? (
                  <TextField
                    label="Number of days"
                    name={name("dayCount")}
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={365}
                    value={item.dayCount}
                    onChange={(event) => update(item.key, { dayCount: event.target.value })}
                    error={error("dayCount")}
                  />
                ) : null}
                {item.scheduleType === "DAILY" || item.scheduleType === "WEEKLY" ? (
                  <TextField
                    label="End date (optional)"
                    name={name("endDate")}
                    type="date"
                    value={item.endDate}
                    onChange={(event) => update(item.key, { endDate: event.target.value })}
                    error={error("endDate")}
                  />
                ) : null}
              </div>

              {item.scheduleType === "WEEKLY" ? (
                <fieldset aria-describedby={weekdayError ? `${name("weekdays")}-error` : undefined}>
                  <legend className="text-sm font-medium text-stone-800">On these days</legend>
                  <div className="mt-2 flex flex-wrap gap-2">
                    {WEEKDAYS.map((day, dayIndex) => (
                      <label key={day} className="flex min-h-11 items-center gap-1.5 rounded-lg border border-stone-200 bg-white px-3">
                        <input
                          type="checkbox"
                          name={name("weekdays")}
                          value={dayIndex}
                          checked={item.weekdays.includes(dayIndex)}
                          onChange={(event) =>
                            update(item.key, {
                              weekdays: event.target.checked ? [...item.weekdays, dayIndex] : item.weekdays.filter((value) => value !== dayIndex),
                            })
                          }
                          className="size-5 accent-brand-700"
                        />
                        {day}
                      </label>
                    ))}
                  </div>
                  <p id={`${name("weekdays")}-error`} aria-live="polite" className="mt-1 text-sm font-medium text-red-700">
                    {weekdayError}
                  </p>
                </fieldset>
              ) : null}
              {items.length > 1 ? (
                <Button variant="ghost" onClick={() => setItems((list) => list.filter((other) => other.key !== item.key))}>
                  Remove {legend.toLowerCase()}
                </Button>
              ) : null}
            </fieldset>
          );
        })}
        {itemsError ? (
          <p aria-live="polite" className="text-sm font-medium text-red-700">
            {itemsError}
          </p>
        ) : null}
        {items.length < MAX_EXERCISES ? (
          <Button
            variant="secondary"
            onClick={() => {
              setItems((list) => [...list, blankItem(nextKey, today)]);
              setNextKey(nextKey + 1);
            }}
          >
            Add another exercise
          </Button>
        ) : null}
      </div>

      <TextAreaField
        label="Note to the client (optional)"
        name="note"
        rows={3}
        hint="Shown with each exercise in their portal."
        value={note}
        onChange={(event) => setNote(event.target.value)}
        error={fieldError(state, "note")}
      />

      <AssignPreview
        items={items}
        exercises={templates}
        clients={clients.filter((client) => clientIds.includes(client.id))}
        describeDate={(date) => formatDay(date, { timeZone, relative: date === today })}
      />
      <FormAlert tone={state?.ok ? "success" : "error"} message={state?.message} />
      <SubmitButton pendingLabel="Assigning…">Assign</SubmitButton>
    </form>
  );
}
