import type { Answers, AnswerValue, FieldDefinition } from "@/lib/exercises";
import { splitScriptTemplate } from "@/lib/exercises";

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
      return ({ yes: "Yes", partly: "Partly", no: "No" } as Record<string, string>)[String(value)] ?? String(value);
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

/**
 * Answers under their questions. `privateKeys` are shown as "kept private"
 * when the viewer is not allowed to read them (the therapist never receives
 * the text at all; see lib/review).
 */
export function AnswerList({
  fields,
  answers,
  privateKeys,
  viewer,
}: {
  fields: FieldDefinition[];
  answers: Answers;
  privateKeys: string[];
  viewer: "client" | "therapist";
}) {
  return (
    <dl className="space-y-5">
      {fields.map((field) => {
        const isPrivate = privateKeys.includes(field.key);
        const text = describeAnswer(field, answers[field.key]);
        return (
          <div key={field.key}>
            <dt className="font-semibold text-stone-900">{field.label}</dt>
            <dd className="mt-1 whitespace-pre-wrap text-stone-800 wrap-anywhere">
              {isPrivate && viewer === "therapist" ? (
                <span className="italic text-stone-500">Answered, kept private by the client</span>
              ) : (
                (text ?? <span className="italic text-stone-500">No answer</span>)
              )}
              {isPrivate && viewer === "client" ? <span className="mt-1 block text-sm text-stone-500">Kept private from your therapist</span> : null}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
