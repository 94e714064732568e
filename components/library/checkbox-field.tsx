import { useId, type ComponentProps } from "react";

export function CheckboxField({
  label,
  hint,
  error,
  ...input
}: { label: string; hint?: string; error?: string[] } & Omit<ComponentProps<"input">, "type">) {
  const generated = useId();
  const id = input.id ?? generated;
  const message = error?.[0];
  const describedBy = [hint ? `${id}-hint` : null, message ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex gap-3">
      <input
        {...input}
        id={id}
        type="checkbox"
        aria-invalid={message ? true : undefined}
        aria-describedby={describedBy}
        className="mt-0.5 h-5 w-5 shrink-0 rounded border-stone-400 accent-brand-700"
      />
      <div className="min-w-0">
        <label htmlFor={id} className="text-sm font-medium text-stone-800">
          {label}
        </label>
        {hint ? (
          <p id={`${id}-hint`} className="text-sm text-stone-600">
            {hint}
          </p>
        ) : null}
        {message ? (
          <p id={`${id}-error`} className="text-sm font-medium text-red-700">
            {message}
          </p>
        ) : null}
      </div>
    </div>
  );
}
