"use client";

import type { ReactNode } from "react";
import type { FieldErrors } from "@/lib/errors";
import type { AnswerValue, Answers, FieldDefinition } from "@/lib/exercises/field-types";
import { FieldItem } from "./fields/field-item";

/** The questions of the client's form, through the same FieldItem every preview uses. */
export function EntryFields({
  fields,
  answers,
  privateKeys,
  fieldErrors,
  onAnswer,
  onPrivate,
  onBlur,
  crisis,
}: {
  fields: readonly FieldDefinition[];
  answers: Answers;
  privateKeys: readonly string[];
  fieldErrors: FieldErrors;
  onAnswer: (key: string, value: AnswerValue | undefined) => void;
  onPrivate: (key: string, checked: boolean) => void;
  onBlur: () => void;
  /** Crisis lines, shown right under the answer that called for them. */
  crisis?: { key: string; panel: ReactNode } | null;
}) {
  return fields.map((field) => (
    <FieldItem
      key={field.key}
      field={field}
      id={`field-${field.key}`}
      value={answers[field.key]}
      onChange={(value) => onAnswer(field.key, value)}
      onBlur={onBlur}
      error={fieldErrors[field.key]?.[0]}
      isPrivate={privateKeys.includes(field.key)}
      onPrivateChange={(checked) => onPrivate(field.key, checked)}
      afterControl={crisis?.key === field.key ? crisis.panel : null}
    />
  ));
}
