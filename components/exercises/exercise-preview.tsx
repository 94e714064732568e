import { FieldItem } from "@/components/portal/fields/field-item";
import { YES_PARTLY_NO_OPTIONS } from "@/lib/exercises/constants";
import type { FieldDefinition, SafetyRule } from "@/lib/exercises/field-types";
import { canBePrivate, PRIVATE_ANSWER_TEXT } from "@/lib/exercises/private-answers";

/**
 * A read-only picture of an exercise as the client meets it in the portal,
 * phone first: the very FieldItem the client's form uses, every control
 * disabled, so nothing here can be answered or saved and nothing can drift
 * from the real form. Renders on the server and inside the (client-side)
 * builder alike, so it must stay free of hooks, handlers and server-only
 * imports (and of zod: tests/unit/client-components-without-zod.test.ts).
 */

export type PreviewExercise = {
  title: string;
  purpose: string;
  instructions?: string | null;
  estimatedMinutes: number;
  fields: readonly FieldDefinition[];
  attribution?: string;
};

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
    canBePrivate(field) ? PRIVATE_ANSWER_TEXT.therapistNote : null,
    field.type === "timer" && field.steps?.length ? `Shows these steps one after another while the timer runs: ${field.steps.join(" · ")}` : null,
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
              <FieldItem field={field} id={`${idPrefix}-${field.key}`} disabled />
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
