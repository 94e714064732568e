import { defineExercise } from "../define-exercise";

/** #6 — A short evening ritual that trains attention towards the people who are dependable. */
export const threeGoodThings = defineExercise({
  slug: "three-good-things",
  title: "Three good things",
  kind: "journal",
  purpose:
    "A few minutes before bed to notice what went well and who was there for you. It is a gentle reminder that not everyone lets you down.",
  estimatedMinutes: 5,
  allowsMultiplePerDay: false,
  suggestedSchedule: "daily",
  fields: [
    {
      key: "good_thing_1",
      type: "short_text",
      label: "Something you are grateful for today",
      help: "Small things count: a warm drink, a kind word, a moment of quiet.",
    },
    { key: "good_thing_2", type: "short_text", label: "A second thing you are grateful for" },
    { key: "good_thing_3", type: "short_text", label: "And a third" },
    {
      key: "showed_up",
      type: "short_text",
      label: "Who showed up for you recently, and how?",
      help: "A friend, a relative, a colleague, your partner: anyone who was reliable, even in a small way.",
      maxLength: 300,
    },
  ],
});
