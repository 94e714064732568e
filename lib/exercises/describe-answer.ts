// An answer in words, for the therapist's review, the client's own entries
// and exports alike.
import { YES_PARTLY_NO_LABELS, type YesPartlyNo } from "./constants";
import type { AnswerValue, FieldDefinition } from "./field-types";
import { splitScriptTemplate } from "./script-template";

/** Human words for one stored answer, using the questions it was answered with. */
export function describeAnswer(field: FieldDefinition, value: AnswerValue | undefined): string | null {
  if (value === undefined || value === "") return null;
  switch (field.type) {
    case "short_text":
    case "long_text":
      return String(value);
    case "number":
      return `${value}${field.unit ? ` ${field.unit}` : ""}`;
    case "scale":
      return `${value} of ${field.max} (${field.min} = ${field.minLabel}, ${field.max} = ${field.maxLabel})`;
    case "single_choice":
      return field.options.find((option) => option.value === value)?.label ?? String(value);
    case "multi_choice": {
      const chosen = Array.isArray(value) ? value : [];
      if (chosen.length === 0) return "None";
      return chosen.map((item) => field.options.find((option) => option.value === item)?.label ?? item).join("; ");
    }
    case "yes_partly_no":
      return typeof value === "string" && Object.hasOwn(YES_PARTLY_NO_LABELS, value) ? YES_PARTLY_NO_LABELS[value as YesPartlyNo] : String(value);
    case "script": {
      const gaps = typeof value === "object" && !Array.isArray(value) ? (value as Record<string, string>) : {};
      return splitScriptTemplate(field.template)
        .map((segment) => (segment.kind === "text" ? segment.text : (gaps[segment.key] || "…")))
        .join("");
    }
    case "timer": {
      const timer = value as { completed?: boolean; seconds?: number };
      return timer.completed ? "Completed" : `Started (${timer.seconds ?? 0} s)`;
    }
  }
}
