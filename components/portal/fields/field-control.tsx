"use client";

import type { AnswerValue, FieldDefinition, ScriptAnswer, TimerAnswer } from "@/lib/exercises/field-types";
import { MultiChoiceControl, ScaleControl, SingleChoiceControl, YesPartlyNoControl } from "./choice-controls";
import { ScriptControl } from "./script-control";
import { LongTextControl, NumberControl, ShortTextControl } from "./text-controls";
import { TimerControl } from "./timer-control";

type Props = {
  field: FieldDefinition;
  id: string;
  value: AnswerValue | undefined;
  onChange?: (value: AnswerValue | undefined) => void;
  onBlur?: () => void;
  describedBy?: string;
  invalid: boolean;
  disabled?: boolean;
};

/** Picks the control for a field's type; answers keep the shapes lib/exercises/answers.ts expects. */
export function FieldControl({ field, value, ...rest }: Props) {
  switch (field.type) {
    case "short_text":
      return <ShortTextControl field={field} value={value as string | undefined} {...rest} />;
    case "long_text":
      return <LongTextControl field={field} value={value as string | undefined} {...rest} />;
    case "number":
      return <NumberControl field={field} value={value as number | undefined} {...rest} />;
    case "scale":
      return <ScaleControl field={field} value={value as number | undefined} {...rest} />;
    case "single_choice":
      return <SingleChoiceControl field={field} value={value as string | undefined} {...rest} />;
    case "multi_choice":
      return <MultiChoiceControl field={field} value={value as string[] | undefined} {...rest} />;
    case "yes_partly_no":
      return <YesPartlyNoControl field={field} value={value as string | undefined} {...rest} />;
    case "script":
      return <ScriptControl field={field} value={value as ScriptAnswer | undefined} {...rest} />;
    case "timer":
      return <TimerControl field={field} value={value as TimerAnswer | undefined} {...rest} />;
  }
}
