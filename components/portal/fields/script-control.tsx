"use client";

import type { ScriptAnswer } from "@/lib/exercises/field-types";
import { splitScriptTemplate } from "@/lib/exercises/script-template";
import type { FieldControlProps } from "./types";

// The sentence reads top to bottom, each gap an input labelled by its name,
// so it stays readable on a phone and with a screen reader.
export function ScriptControl({ field, id, value, onChange, onBlur, describedBy, disabled }: FieldControlProps<"script", ScriptAnswer>) {
  const answer = value ?? {};
  const blanks = new Map(field.blanks.map((blank) => [blank.key, blank]));
  const update = (key: string, text: string) => {
    const next = { ...answer };
    if (text) next[key] = text;
    else delete next[key];
    onChange?.(Object.keys(next).length ? next : undefined);
  };
  return (
    <div role="group" aria-labelledby={`${id}-label`} aria-describedby={describedBy} className="space-y-2 rounded-xl border border-stone-200 bg-stone-50 p-3 text-base leading-relaxed">
      {splitScriptTemplate(field.template).map((segment, index) => {
        if (segment.kind === "text") return <span key={index} className="text-stone-700">{segment.text}</span>;
        const blank = blanks.get(segment.key);
        if (!blank) return null;
        return (
          <label key={index} className="block">
            <span className="sr-only">{blank.label}</span>
            <input
              type="text"
              value={answer[blank.key] ?? ""}
              maxLength={blank.maxLength}
              placeholder={blank.placeholder ?? blank.label}
              onChange={(event) => update(blank.key, event.target.value)}
              onBlur={onBlur}
              disabled={disabled}
              className="block w-full rounded-lg border border-stone-300 bg-white px-3 py-2.5 text-base focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30"
            />
          </label>
        );
      })}
    </div>
  );
}
