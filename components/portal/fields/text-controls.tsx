"use client";

import { findMinimisingPhrases } from "@/lib/exercises/minimising-language";
import type { FieldControlProps } from "./types";

const inputClasses =
  "block w-full rounded-xl border border-stone-300 bg-white px-3.5 py-3 text-base leading-relaxed text-stone-900 shadow-sm placeholder:text-stone-400 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 aria-[invalid=true]:border-red-500";

export function ShortTextControl({ field, id, value, onChange, onBlur, describedBy, invalid, disabled }: FieldControlProps<"short_text", string>) {
  return (
    <>
      <input
        id={id}
        type="text"
        value={value ?? ""}
        maxLength={field.maxLength}
        placeholder={field.placeholder}
        onChange={(event) => onChange?.(event.target.value || undefined)}
        onBlur={onBlur}
        aria-describedby={describedBy}
        aria-invalid={invalid}
        disabled={disabled}
        className={inputClasses}
      />
      {field.warnOnMinimising ? <MinimisingHints text={value ?? ""} /> : null}
    </>
  );
}

export function LongTextControl({ field, id, value, onChange, onBlur, describedBy, invalid, disabled }: FieldControlProps<"long_text", string>) {
  return (
    <>
      <textarea
        id={id}
        value={value ?? ""}
        rows={5}
        maxLength={field.maxLength}
        placeholder={field.placeholder}
        onChange={(event) => onChange?.(event.target.value || undefined)}
        onBlur={onBlur}
        aria-describedby={describedBy}
        aria-invalid={invalid}
        disabled={disabled}
        className={`${inputClasses} field-sizing-content min-h-32`}
      />
      {field.warnOnMinimising ? <MinimisingHints text={value ?? ""} /> : null}
    </>
  );
}

// Gentle, never blocking: the apology planner points out phrases that tend
// to shrink the hurt, and says why.
function MinimisingHints({ text }: { text: string }) {
  const matches = findMinimisingPhrases(text);
  if (matches.length === 0) return null;
  return (
    <div role="note" className="mt-2 space-y-1 rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-950">
      {matches.map((match) => (
        <p key={`${match.id}-${match.start}`}>
          <span className="font-semibold">“{match.phrase}”</span> — {match.suggestion}
        </p>
      ))}
    </div>
  );
}

function numberRange(field: { min?: number; max?: number }): string | null {
  if (field.min !== undefined && field.max !== undefined) return `A number from ${field.min} to ${field.max}.`;
  if (field.min !== undefined) return `${field.min} or more.`;
  if (field.max !== undefined) return `Up to ${field.max}.`;
  return null;
}

export function NumberControl({ field, id, value, onChange, onBlur, describedBy, invalid, disabled }: FieldControlProps<"number", number>) {
  const range = numberRange(field);
  return (
    <>
      <div className="flex items-center gap-2">
        <input
          id={id}
          type="number"
          inputMode={field.integer ? "numeric" : "decimal"}
          min={field.min}
          max={field.max}
          step={field.integer ? 1 : "any"}
          value={value ?? ""}
          onChange={(event) => onChange?.(event.target.value === "" ? undefined : Number(event.target.value))}
          onBlur={onBlur}
          aria-describedby={[describedBy, range ? `${id}-range` : null].filter(Boolean).join(" ") || undefined}
          aria-invalid={invalid}
          disabled={disabled}
          className={`${inputClasses} max-w-32`}
        />
        {field.unit ? <span className="text-stone-600">{field.unit}</span> : null}
      </div>
      {range ? (
        <p id={`${id}-range`} className="text-sm text-stone-600">
          {range}
        </p>
      ) : null}
    </>
  );
}
