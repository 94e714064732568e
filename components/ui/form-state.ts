import type { FormState } from "@/lib/actions/result";

export function fieldError(state: FormState, field: string): string[] | undefined {
  return state && !state.ok ? state.fieldErrors[field] : undefined;
}

export function typedValue(state: FormState, field: string): string | undefined {
  return state && !state.ok ? state.values?.[field] : undefined;
}

/** The form-level message of a failed submit, for the form's alert. */
export function formError(state: FormState): string | undefined {
  return state && !state.ok ? state.message : undefined;
}
