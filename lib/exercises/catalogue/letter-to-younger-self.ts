import { defineExercise } from "../define-exercise";

/** #9 — Compassion for the child who first learned that people might not be safe to rely on. */
export const letterToYoungerSelf = defineExercise({
  slug: "letter-to-younger-self",
  title: "Letter to my younger self",
  kind: "journal",
  purpose:
    "Part of you learned early that trusting people was risky. This letter is a chance to speak to that younger you with the kindness they needed back then.",
  estimatedMinutes: 20,
  allowsMultiplePerDay: false,
  suggestedSchedule: "once",
  fields: [
    {
      key: "letter",
      type: "long_text",
      label: "Write a letter to the younger you who learned not to trust",
      help: "Talk to them the way a warm, steady adult would. What did they need to hear? What was never their fault? What would you like them to know about your life now?",
      privateAllowed: true,
    },
    {
      key: "how_it_felt",
      type: "long_text",
      label: "How did it feel to write this?",
      help: "Optional. A few words are plenty.",
      required: false,
      privateAllowed: true,
    },
  ],
});
