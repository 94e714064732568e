import { YES_PARTLY_NO_OPTIONS, type FieldDefinition, type FieldOfType, type SafetyRule } from "@/lib/exercises/fields";
import { splitScriptTemplate } from "@/lib/exercises/script-template";

/**
 * A read-only picture of an exercise as the client meets it in the portal,
 * phone first. Every control is disabled: nothing here can be answered or
 * saved. Renders on the server and inside the (client-side) builder alike,
 * so it must stay free of hooks and server-only imports.
 */

export type PreviewExercise = {
  title: string;
  purpose: string;
  instructions?: string | null;
  estimatedMinutes: number;
  fields: readonly FieldDefinition[];
  attribution?: string;
};

type FieldProps<T extends FieldDefinition["type"] = FieldDefinition["type"]> = { field: FieldOfType<T>; id: string };

const box = "block w-full rounded-2xl border border-stone-300 bg-white px-4 py-3 text-lg text-stone-900 placeholder:text-stone-400";
const choiceRow = "flex min-h-12 items-center gap-3 rounded-2xl border border-stone-300 bg-white px-4 py-3 text-lg";

function duration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const parts = [
    minutes ? `${minutes} minute${minutes === 1 ? "" : "s"}` : null,
    rest ? `${rest} second${rest === 1 ? "" : "s"}` : null,
  ];
  return parts.filter(Boolean).join(" ");
}

function FieldHeading({ field, id, as = "label" }: FieldProps & { as?: "label" | "legend" | "p" }) {
  const className = "block text-lg leading-snug font-medium text-stone-900";
  const text = (
    <>
      {field.label}
      {field.required ? null : <span className="ml-1 text-base font-normal text-stone-500">(optional)</span>}
    </>
  );
  return (
    <>
      {as === "label" ? (
        <label htmlFor={id} className={className}>
          {text}
        </label>
      ) : as === "legend" ? (
        <legend className={className}>{text}</legend>
      ) : (
        <p className={className}>{text}</p>
      )}
      {field.help ? <p className="mt-1 text-base leading-relaxed text-stone-600">{field.help}</p> : null}
    </>
  );
}

function TextPreview({ field, id }: FieldProps<"short_text" | "long_text">) {
  return (
    <div className="space-y-3">
      <FieldHeading field={field} id={id} />
      {field.type === "short_text" ? (
        <input id={id} className={box} placeholder={field.placeholder} />
      ) : (
        <textarea id={id} rows={5} className={box} placeholder={field.placeholder} />
      )}
      {field.type === "long_text" && field.privateAllowed ? (
        <label className="flex items-start gap-3 rounded-2xl bg-brand-50 px-4 py-3 text-base text-brand-900">
          <input type="checkbox" className="mt-1 h-5 w-5 shrink-0" />
          <span>
            <span className="font-medium">Keep this answer just for me</span>
            <span className="block text-sm text-stone-700">
              You may keep this private. It stays saved for you, and your therapist won’t see what you wrote.
            </span>
          </span>
        </label>
      ) : null}
    </div>
  );
}

function ScalePreview({ field, id }: FieldProps<"scale">) {
  const points = Array.from({ length: field.max - field.min + 1 }, (_, index) => field.min + index);
  return (
    <fieldset className="space-y-3">
      <FieldHeading field={field} id={id} as="legend" />
      <div className="grid grid-cols-6 gap-2">
        {points.map((point) => (
          <label key={point} className="flex h-12 items-center justify-center rounded-xl border border-stone-300 bg-white text-lg">
            <input type="radio" name={id} value={point} className="sr-only" />
            {point}
          </label>
        ))}
      </div>
      <div className="flex justify-between gap-4 text-sm text-stone-600">
        <span>
          {field.min} = {field.minLabel}
        </span>
        <span className="text-right">
          {field.max} = {field.maxLabel}
        </span>
      </div>
    </fieldset>
  );
}

function NumberPreview({ field, id }: FieldProps<"number">) {
  const range =
    field.min !== undefined && field.max !== undefined
      ? `A number from ${field.min} to ${field.max}.`
      : field.min !== undefined
        ? `${field.min} or more.`
        : field.max !== undefined
          ? `Up to ${field.max}.`
          : null;
  return (
    <div className="space-y-3">
      <FieldHeading field={field} id={id} />
      <div className="flex items-center gap-3">
        <input id={id} type="number" inputMode={field.integer ? "numeric" : "decimal"} className={`${box} max-w-36`} />
        {field.unit ? <span className="text-lg text-stone-700">{field.unit}</span> : null}
      </div>
      {range ? <p className="text-sm text-stone-600">{range}</p> : null}
    </div>
  );
}

function ChoicePreview({ field, id }: FieldProps<"single_choice" | "multi_choice" | "yes_partly_no">) {
  const multiple = field.type === "multi_choice";
  const options = field.type === "yes_partly_no" ? YES_PARTLY_NO_OPTIONS : field.options;
  return (
    <fieldset className="space-y-3">
      <FieldHeading field={field} id={id} as="legend" />
      {multiple ? (
        <p className="text-sm text-stone-600">
          {field.minSelected === 0 ? "Tick any that fit, or none." : "Tick all that fit."}
        </p>
      ) : null}
      <div className={field.type === "yes_partly_no" ? "grid grid-cols-3 gap-2" : "space-y-2"}>
        {options.map((option) => (
          <label key={option.value} className={field.type === "yes_partly_no" ? `${choiceRow} justify-center` : choiceRow}>
            <input type={multiple ? "checkbox" : "radio"} name={id} value={option.value} className="h-5 w-5 shrink-0" />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function ScriptPreview({ field, id }: FieldProps<"script">) {
  const labels = new Map(field.blanks.map((blank) => [blank.key, blank.label]));
  return (
    <fieldset className="space-y-4">
      <FieldHeading field={field} id={id} as="legend" />
      <p className="rounded-2xl bg-white p-4 text-lg leading-loose text-stone-800">
        {splitScriptTemplate(field.template).map((segment, index) =>
          segment.kind === "text" ? (
            <span key={index}>{segment.text}</span>
          ) : (
            <span key={index} className="mx-0.5 rounded-md border-b-2 border-dashed border-brand-500 bg-brand-50 px-1.5 text-brand-800">
              {labels.get(segment.key) ?? segment.key}
            </span>
          ),
        )}
      </p>
      {field.blanks.map((blank) => (
        <div key={blank.key} className="space-y-2">
          <label htmlFor={`${id}-${blank.key}`} className="block text-base font-medium text-stone-800">
            {blank.label}
          </label>
          <input id={`${id}-${blank.key}`} className={box} placeholder={blank.placeholder} />
        </div>
      ))}
    </fieldset>
  );
}

function TimerPreview({ field, id }: FieldProps<"timer">) {
  const rhythm =
    field.pattern === "box_breathing"
      ? `Box breathing, ${field.phaseSeconds ?? 4} seconds for each step`
      : "A gentle countdown";
  return (
    <div className="space-y-3">
      <FieldHeading field={field} id={id} as="p" />
      <div className="rounded-2xl bg-white p-4">
        <p className="text-base text-stone-700">
          {rhythm} · {duration(field.seconds)}
        </p>
        {field.steps?.length ? (
          <ol className="mt-3 list-decimal space-y-1 pl-5 text-base text-stone-700">
            {field.steps.map((step, index) => (
              <li key={index}>{step}</li>
            ))}
          </ol>
        ) : null}
        <button type="button" id={id} className="mt-4 min-h-12 w-full rounded-2xl border border-brand-600 text-lg font-semibold text-brand-800">
          Start the timer
        </button>
      </div>
    </div>
  );
}

function FieldPreview({ field, id }: FieldProps) {
  switch (field.type) {
    case "short_text":
    case "long_text":
      return <TextPreview field={field} id={id} />;
    case "scale":
      return <ScalePreview field={field} id={id} />;
    case "number":
      return <NumberPreview field={field} id={id} />;
    case "single_choice":
    case "multi_choice":
    case "yes_partly_no":
      return <ChoicePreview field={field} id={id} />;
    case "script":
      return <ScriptPreview field={field} id={id} />;
    case "timer":
      return <TimerPreview field={field} id={id} />;
  }
}

function answerLabels(field: FieldDefinition, values: readonly string[]): string {
  const options = "options" in field ? field.options : YES_PARTLY_NO_OPTIONS;
  return values.map((value) => `“${options.find((option) => option.value === value)?.label ?? value}”`).join(" or ");
}

function safetyNote(field: FieldDefinition, rule: SafetyRule): string {
  const trigger = "whenAnswerIn" in rule ? `Answering ${answerLabels(field, rule.whenAnswerIn)}` : `An answer of ${rule.whenAtLeast} or more`;
  return `Safety item. ${trigger} shows your client crisis resources at once and flags them on your dashboard.`;
}

/** Only the therapist sees these: what a question sets off behind the scenes. */
function TherapistNotes({ field }: { field: FieldDefinition }) {
  const notes = [
    "safety" in field && field.safety ? safetyNote(field, field.safety) : null,
    (field.type === "short_text" || field.type === "long_text") && field.warnOnMinimising
      ? "Gently points out minimising phrases while your client writes."
      : null,
  ].filter((note): note is string => note !== null);
  if (!notes.length) return null;
  return (
    <div className="mt-3 rounded-xl border border-dashed border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      <p className="font-semibold">Only you see this</p>
      {notes.map((note) => (
        <p key={note}>{note}</p>
      ))}
    </div>
  );
}

export function ExercisePreview({
  exercise,
  idPrefix = "preview",
  therapistNotes = false,
}: {
  exercise: PreviewExercise;
  /** Keeps element ids unique if a page shows more than one preview. */
  idPrefix?: string;
  therapistNotes?: boolean;
}) {
  return (
    <article
      aria-label={`Preview: ${exercise.title}`}
      className="mx-auto w-full max-w-md rounded-[2rem] border border-stone-200 bg-stone-50 px-5 py-7 text-stone-900 shadow-sm sm:px-7"
    >
      <header className="space-y-3">
        <p className="text-sm font-medium text-brand-700">About {exercise.estimatedMinutes} minute{exercise.estimatedMinutes === 1 ? "" : "s"}</p>
        <h2 className="text-2xl leading-tight font-semibold">{exercise.title}</h2>
        <p className="text-lg leading-relaxed text-stone-700">{exercise.purpose}</p>
        {exercise.instructions ? (
          <p className="rounded-2xl bg-white p-4 text-base leading-relaxed text-stone-800">{exercise.instructions}</p>
        ) : null}
      </header>
      {/* One disabled fieldset makes every control inert without styling each one. */}
      <fieldset disabled className="mt-8 min-w-0">
        <legend className="sr-only">Questions (preview only; nothing can be answered here)</legend>
        <ol className="space-y-9">
          {exercise.fields.map((field) => (
            <li key={field.key}>
              <FieldPreview field={field} id={`${idPrefix}-${field.key}`} />
              {therapistNotes ? <TherapistNotes field={field} /> : null}
            </li>
          ))}
        </ol>
        <button type="button" className="mt-10 min-h-14 w-full rounded-2xl bg-brand-700 text-lg font-semibold text-white opacity-80">
          Send to my therapist
        </button>
      </fieldset>
      {exercise.attribution ? <p className="mt-6 text-xs leading-relaxed text-stone-500">{exercise.attribution}</p> : null}
    </article>
  );
}
