import type { AnswerValue, FieldOfType, FieldType } from "@/lib/exercises/field-types";

/**
 * Every control serves the client's form (handlers given) and every preview
 * (no handlers, disabled): one renderer, so the two cannot drift apart.
 * Handlers stay optional because a server component (the library's preview)
 * cannot pass functions to these client components.
 */
export type FieldControlProps<T extends FieldType, V extends AnswerValue> = {
  field: FieldOfType<T>;
  id: string;
  value: V | undefined;
  onChange?: (value: V | undefined) => void;
  onBlur?: () => void;
  describedBy?: string;
  invalid: boolean;
  disabled?: boolean;
};
