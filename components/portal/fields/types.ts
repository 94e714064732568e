import type { AnswerValue, FieldOfType, FieldType } from "@/lib/exercises";

export type FieldControlProps<T extends FieldType, V extends AnswerValue> = {
  field: FieldOfType<T>;
  id: string;
  value: V | undefined;
  onChange: (value: V | undefined) => void;
  onBlur: () => void;
  describedBy?: string;
  invalid: boolean;
};
