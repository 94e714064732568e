import { defineExercise } from "../define-exercise";

/** #14 — Practising vulnerability in small, chosen steps. */
export const emotionalRiskStep = defineExercise({
  slug: "emotional-risk-step",
  title: "Emotional risk step",
  kind: "action",
  purpose:
    "Closeness needs a little courage. Choose one honest thing to share, plan a gentle way to start, and then see how it goes.",
  estimatedMinutes: 10,
  allowsMultiplePerDay: false,
  suggestedSchedule: "once",
  fields: [
    {
      key: "what_to_share",
      type: "long_text",
      label: "What is one vulnerable thing you would like to share?",
      help: "Start small: a worry, a need, or something you have been holding back.",
    },
    {
      key: "opening_line",
      type: "short_text",
      label: "How could you open the conversation?",
      help: "A gentle first sentence makes it easier for both of you.",
      placeholder: "Is now a good time? There's something a bit personal I'd like to tell you.",
      maxLength: 300,
    },
    {
      key: "done",
      type: "yes_partly_no",
      label: "Did you share it?",
    },
    {
      key: "how_it_went",
      type: "scale",
      label: "How did it go?",
      help: "Skip this if you haven't shared it yet.",
      required: false,
      minLabel: "Very badly",
      maxLabel: "Really well",
    },
  ],
});
