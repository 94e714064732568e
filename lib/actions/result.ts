import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/errors";

// What every Server Action returns. `values` echoes what was typed (never
// passwords) so a form that failed validation keeps the person's input.
export type ActionResult<T extends object = object> =
  | ({ ok: true; message?: string } & T)
  | { ok: false; message: string; fieldErrors: FieldErrors; values?: Record<string, string> };

export type FormState<T extends object = object> = ActionResult<T> | null;

export function validationFailure(error: z.ZodError, values?: Record<string, string>): ActionResult<never> {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { ok: false, message: "Please check the highlighted fields.", fieldErrors, values };
}

/** Maps expected failures to a result; anything else (including Next's redirects) propagates. */
export function failureFrom(error: unknown, values?: Record<string, string>): ActionResult<never> {
  unstable_rethrow(error);
  if (error instanceof AppError) {
    return { ok: false, message: error.message, fieldErrors: error.fieldErrors, values };
  }
  throw error;
}

export function formValues(formData: FormData, omit: string[] = []): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$") && !omit.includes(key)) values[key] = value;
  }
  return values;
}
