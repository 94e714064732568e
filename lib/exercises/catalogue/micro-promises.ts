import { defineExercise } from "../define-exercise";

/** #5 — Trust rebuilt through small promises kept, tracked every day for a month. */
export const microPromises = defineExercise({
  slug: "micro-promises",
  title: "30-day micro-promises",
  kind: "tracker",
  purpose:
    "Trust grows back through small promises that are kept, again and again. Each day, make one tiny promise, note whether you kept it, and notice one your partner kept.",
  estimatedMinutes: 2,
  allowsMultiplePerDay: false,
  suggestedSchedule: "daily_for_n_days",
  suggestedDays: 30,
  fields: [
    {
      key: "promise",
      type: "short_text",
      label: "What small promise did you make today?",
      help: "Keep it small enough that you can certainly keep it.",
      placeholder: "I'll message you when I leave work",
    },
    {
      key: "kept",
      type: "yes_partly_no",
      label: "Did you keep it?",
    },
    {
      key: "partner_kept",
      type: "short_text",
      label: "What promise did your partner keep that you noticed today?",
      help: "Even something small counts. Leave it empty if nothing stood out.",
      required: false,
      maxLength: 300,
    },
  ],
});
