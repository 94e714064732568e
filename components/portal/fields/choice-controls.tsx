"use client";

import { cn } from "@/components/ui/cn";
import { YES_PARTLY_NO_OPTIONS } from "@/lib/exercises/constants";
import type { FieldControlProps } from "./types";

const optionClasses =
  "flex min-h-12 cursor-pointer items-center gap-3 rounded-xl border border-stone-300 bg-white px-4 py-2.5 text-base has-checked:border-brand-600 has-checked:bg-brand-50 has-focus-visible:ring-2 has-focus-visible:ring-brand-600/40";

export function SingleChoiceControl({ field, id, value, onChange, onBlur, describedBy, disabled }: FieldControlProps<"single_choice", string>) {
  return (
    <div role="radiogroup" aria-labelledby={`${id}-label`} aria-describedby={describedBy} className="grid gap-2">
      {field.options.map((option) => (
        <label key={option.value} className={optionClasses}>
          <input
            type="radio"
            name={id}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange?.(option.value)}
            disabled={disabled}
            onBlur={onBlur}
            className="size-5 accent-brand-700"
          />
          <span>{option.label}</span>
        </label>
      ))}
    </div>
  );
}

export function MultiChoiceControl({ field, id, value, onChange, onBlur, describedBy, disabled }: FieldControlProps<"multi_choice", string[]>) {
  const selected = value ?? [];
  const toggle = (option: string) => {
    const next = selected.includes(option) ? selected.filter((item) => item !== option) : [...selected, option];
    onChange?.(next);
  };
  return (
    <div role="group" aria-labelledby={`${id}-label`} aria-describedby={describedBy} className="grid gap-2">
      <p className="text-sm text-stone-600">{field.minSelected === 0 ? "Tick any that fit, or none." : "Tick all that fit."}</p>
      {field.options.map((option) => (
        <label key={option.value} className={optionClasses}>
          <input
            type="checkbox"
            value={option.value}
            checked={selected.includes(option.value)}
            onChange={() => toggle(option.value)}
            disabled={disabled}
            onBlur={onBlur}
            className="size-5 accent-brand-700"
          />
          <span>{option.label}</span>
        </label>
      ))}
    </div>
  );
}

export function YesPartlyNoControl({ id, value, onChange, onBlur, describedBy, disabled }: FieldControlProps<"yes_partly_no", string>) {
  return (
    <div role="radiogroup" aria-labelledby={`${id}-label`} aria-describedby={describedBy} className="grid grid-cols-3 gap-2">
      {YES_PARTLY_NO_OPTIONS.map((option) => (
        <label key={option.value} className={cn(optionClasses, "justify-center px-2")}>
          <input
            type="radio"
            name={id}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange?.(option.value)}
            disabled={disabled}
            onBlur={onBlur}
            className="sr-only"
          />
          <span className="font-medium">{option.label}</span>
        </label>
      ))}
    </div>
  );
}

export function ScaleControl({ field, id, value, onChange, onBlur, describedBy, disabled }: FieldControlProps<"scale", number>) {
  const points = Array.from({ length: field.max - field.min + 1 }, (_, index) => field.min + index);
  return (
    <div>
      <div role="radiogroup" aria-labelledby={`${id}-label`} aria-describedby={describedBy} className="grid grid-cols-6 gap-1.5 sm:grid-cols-11">
        {points.map((point) => (
          <label
            key={point}
            className="flex h-12 cursor-pointer items-center justify-center rounded-lg border border-stone-300 bg-white text-base font-semibold has-checked:border-brand-700 has-checked:bg-brand-700 has-checked:text-white has-focus-visible:ring-2 has-focus-visible:ring-brand-600/40"
          >
            <input
              type="radio"
              name={id}
              value={point}
              checked={value === point}
              onChange={() => onChange?.(point)}
              disabled={disabled}
              onBlur={onBlur}
              className="sr-only"
              aria-label={`${point}${point === field.min ? ` (${field.minLabel})` : point === field.max ? ` (${field.maxLabel})` : ""}`}
            />
            {point}
          </label>
        ))}
      </div>
      <div className="mt-1.5 flex justify-between text-sm text-stone-600">
        <span>
          {field.min} = {field.minLabel}
        </span>
        <span>
          {field.max} = {field.maxLabel}
        </span>
      </div>
    </div>
  );
}
