import { defineExercise } from "../define-exercise";

/** #15 — Trust follows behaviour: comparing what was said with what was done. */
export const wordsAndActions = defineExercise({
  slug: "words-and-actions",
  title: "Words and actions",
  kind: "log",
  purpose:
    "Trust rests on what people do, not only on what they say. Each week, put one thing your partner said next to what they actually did.",
  estimatedMinutes: 5,
  allowsMultiplePerDay: false,
  suggestedSchedule: "weekly",
  fields: [
    {
      key: "partner_said",
      type: "long_text",
      label: "What did your partner say or promise this week?",
      maxLength: 2000,
    },
    {
      key: "partner_did",
      type: "long_text",
      label: "What did they actually do?",
      maxLength: 2000,
    },
    {
      key: "matched",
      type: "yes_partly_no",
      label: "Did their actions match their words?",
    },
  ],
});
