import { useId, type ComponentProps } from "react";
import { cn } from "./cn";

// The multi-line sibling of TextField in ./field.tsx.

export function TextAreaField({
  label,
  error,
  hint,
  className,
  ...textarea
}: { label: string; error?: string[]; hint?: string } & ComponentProps<"textarea">) {
  const generated = useId();
  const id = textarea.id ?? generated;
  const message = error?.[0];
  const describedBy = [hint ? `${id}-hint` : null, message ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-stone-600">
          {hint}
        </p>
      ) : null}
      <textarea
        rows={3}
        {...textarea}
        id={id}
        aria-invalid={message ? true : undefined}
        aria-describedby={describedBy}
        className={cn(
          "block w-full rounded-lg border bg-white px-3 py-2 text-base text-stone-900 shadow-sm placeholder:text-stone-400 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30",
          message ? "border-red-500" : "border-stone-300",
          className,
        )}
      />
      <p id={`${id}-error`} aria-live="polite" className="text-sm font-medium text-red-700">
        {message}
      </p>
    </div>
  );
}
