/** An exercise as the assign form's picker shows it. */
export type PickerExercise = {
  id: string;
  label: string;
  title: string;
  purpose: string;
  estimatedMinutes: number;
  questions: string[];
  suggestedSchedule?: string;
  suggestedDays?: number;
};

type PreviewItem = { key: number; templateId: string; scheduleType: string; startDate: string; dueDate: string; endDate: string; dayCount: string; weekdays: number[] };

const SHOWN_QUESTIONS = 4;
const DAY_NAMES = ["Sundays", "Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays"];

/** What the chosen exercise asks, under the picker: its purpose and its first questions. */
export function ExerciseSummary({ exercise }: { exercise: PickerExercise }) {
  const more = exercise.questions.length - SHOWN_QUESTIONS;
  return (
    <div className="rounded-lg bg-stone-50 px-3 py-2 text-sm text-stone-700" data-testid="exercise-summary">
      <p>{exercise.purpose}</p>
      <p className="mt-1 text-stone-600">
        About {exercise.estimatedMinutes} min · {exercise.questions.length} question{exercise.questions.length === 1 ? "" : "s"}:
      </p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {exercise.questions.slice(0, SHOWN_QUESTIONS).map((question, index) => (
          <li key={index}>{question}</li>
        ))}
        {more > 0 ? <li className="list-none text-stone-600">and {more} more</li> : null}
      </ul>
    </div>
  );
}

function scheduleWords(item: PreviewItem, describeDate: (date: string) => string): string {
  const from = item.startDate ? ` from ${describeDate(item.startDate)}` : "";
  switch (item.scheduleType) {
    case "ONCE":
      return item.dueDate ? `once, due ${describeDate(item.dueDate)}` : "once (choose a due date)";
    case "DAILY":
      return `every day${from}${item.endDate ? ` until ${describeDate(item.endDate)}` : ""}`;
    case "DAILY_FOR_N_DAYS":
      return `every day for ${item.dayCount || "?"} days${from}`;
    case "WEEKLY": {
      const days = [...item.weekdays].sort().map((day) => DAY_NAMES[day]);
      const list = days.length === 0 ? "on days still to choose" : days.length === 1 ? `on ${days[0]}` : `on ${days.slice(0, -1).join(", ")} and ${days.at(-1)}`;
      return `weekly ${list}${from}${item.endDate ? ` until ${describeDate(item.endDate)}` : ""}`;
    }
    default:
      return "";
  }
}

/** Before the Assign button: exactly what one submit will give to whom. */
export function AssignPreview({
  items,
  exercises,
  clients,
  describeDate,
}: {
  items: PreviewItem[];
  exercises: PickerExercise[];
  clients: { id: string; label: string }[];
  describeDate: (date: string) => string;
}) {
  const chosen = items.flatMap((item) => {
    const exercise = exercises.find((candidate) => candidate.id === item.templateId);
    return exercise ? [{ item, exercise }] : [];
  });
  return (
    <section aria-labelledby="assign-preview-heading" className="rounded-xl border border-brand-200 bg-brand-50/40 p-4" data-testid="assign-preview">
      <h2 id="assign-preview-heading" className="text-sm font-semibold text-stone-900">
        What will be assigned
      </h2>
      {chosen.length === 0 ? (
        <p className="mt-1 text-sm text-stone-600">Choose an exercise to see it here.</p>
      ) : (
        <ul className="mt-2 space-y-1 text-sm text-stone-800">
          {chosen.map(({ item, exercise }) => (
            <li key={item.key}>
              <span className="font-medium">{exercise.title}</span>, {scheduleWords(item, describeDate)}
            </li>
          ))}
        </ul>
      )}
      <p className="mt-2 text-sm text-stone-700">
        {clients.length === 0 ? "No client chosen yet." : `To ${clients.map((client) => client.label).join(", ")}.`}
      </p>
    </section>
  );
}
