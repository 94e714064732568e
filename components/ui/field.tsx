import { useId, type ComponentProps } from "react";
import { cn } from "./cn";

type FieldChrome = { label: string; error?: string[] | string; hint?: string };

const controlClasses =
  "block w-full min-h-11 rounded-lg border bg-white px-3 py-2 text-base text-stone-900 shadow-sm placeholder:text-stone-400 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30";

function firstError(error: FieldChrome["error"]) {
  return Array.isArray(error) ? error[0] : error;
}

function FieldShell({
  id,
  label,
  hint,
  message,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  message?: string;
  children: React.ReactNode;
}) {
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
      {children}
      <p id={`${id}-error`} aria-live="polite" className="min-h-0 text-sm font-medium text-red-700">
        {message}
      </p>
    </div>
  );
}

function describedBy(id: string, hint?: string, message?: string) {
  return [hint ? `${id}-hint` : null, message ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

export function TextField({ label, error, hint, className, ...input }: FieldChrome & ComponentProps<"input">) {
  const generated = useId();
  const id = input.id ?? generated;
  const message = firstError(error);
  return (
    <FieldShell id={id} label={label} hint={hint} message={message}>
      <input
        {...input}
        id={id}
        aria-invalid={message ? true : undefined}
        aria-describedby={describedBy(id, hint, message)}
        className={cn(controlClasses, message ? "border-red-500" : "border-stone-300", className)}
      />
    </FieldShell>
  );
}

export function SelectField({
  label,
  error,
  hint,
  className,
  children,
  ...select
}: FieldChrome & ComponentProps<"select">) {
  const generated = useId();
  const id = select.id ?? generated;
  const message = firstError(error);
  return (
    <FieldShell id={id} label={label} hint={hint} message={message}>
      <select
        {...select}
        id={id}
        aria-invalid={message ? true : undefined}
        aria-describedby={describedBy(id, hint, message)}
        className={cn(controlClasses, message ? "border-red-500" : "border-stone-300", className)}
      >
        {children}
      </select>
    </FieldShell>
  );
}

/** The multi-line sibling of TextField. */
export function TextAreaField({ label, error, hint, className, ...textarea }: FieldChrome & ComponentProps<"textarea">) {
  const generated = useId();
  const id = textarea.id ?? generated;
  const message = firstError(error);
  return (
    <FieldShell id={id} label={label} hint={hint} message={message}>
      <textarea
        rows={3}
        {...textarea}
        id={id}
        aria-invalid={message ? true : undefined}
        aria-describedby={describedBy(id, hint, message)}
        className={cn(controlClasses, message ? "border-red-500" : "border-stone-300", className)}
      />
    </FieldShell>
  );
}
