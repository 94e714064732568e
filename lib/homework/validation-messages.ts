import type { z } from "zod";
import type { FieldErrors } from "@/lib/errors";

/** zod issues keyed by the answer's field key (the first path segment). */
export function validationMessages(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : "form";
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}
