import type { ReactNode } from "react";
import type { AnswerValue, FieldDefinition } from "@/lib/exercises/field-types";
import { canBePrivate } from "@/lib/exercises/private-answers";
import { FieldControl } from "./field-control";
import { FieldHelp, FieldLabel, isGroupField } from "./field-label";
import { PrivateAnswerChoice } from "./private-answer-choice";

/**
 * One question as the client meets it: label, help, the answer control, the
 * private-answer choice and the error. The client's form passes handlers; the
 * library and builder previews pass none and `disabled`. No hooks and no
 * functions of its own, so a server component can render it too.
 */
export function FieldItem({
  field,
  id,
  value,
  onChange,
  onBlur,
  error,
  isPrivate = false,
  onPrivateChange,
  disabled = false,
  afterControl,
}: {
  field: FieldDefinition;
  id: string;
  value?: AnswerValue;
  onChange?: (value: AnswerValue | undefined) => void;
  onBlur?: () => void;
  error?: string;
  isPrivate?: boolean;
  onPrivateChange?: (checked: boolean) => void;
  disabled?: boolean;
  /** Right under the answer (the crisis lines, when an answer calls for them). */
  afterControl?: ReactNode;
}) {
  const describedBy = [field.help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset data-field={field.key} className="min-w-0 space-y-2">
      <FieldLabel field={field} id={id} as={isGroupField(field) ? "legend" : "label"} />
      <FieldHelp field={field} id={id} />
      <FieldControl
        field={field}
        id={id}
        value={value}
        onChange={onChange}
        onBlur={onBlur}
        describedBy={describedBy}
        invalid={Boolean(error)}
        disabled={disabled}
      />
      {afterControl}
      {canBePrivate(field) ? <PrivateAnswerChoice id={id} checked={isPrivate} onChange={onPrivateChange} disabled={disabled} /> : null}
      <p id={`${id}-error`} aria-live="polite" className="text-sm font-medium text-red-700">
        {error}
      </p>
    </fieldset>
  );
}
