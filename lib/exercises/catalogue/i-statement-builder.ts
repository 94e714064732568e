import { defineExercise } from "../define-exercise";

/** #3 — Turning a worry into a calm, blame-free request. */
export const iStatementBuilder = defineExercise({
  slug: "i-statement-builder",
  title: "I-statement builder",
  kind: "script",
  purpose:
    "Saying what you feel and need, instead of what your partner did wrong, makes it easier for them to hear you. Build your sentence here before you say it.",
  estimatedMinutes: 10,
  allowsMultiplePerDay: false,
  suggestedSchedule: "once",
  fields: [
    {
      key: "statement",
      type: "script",
      label: "Fill in the gaps to build your sentence",
      help: "Describe the situation the way a camera would see it, without words like \"always\" or \"never\".",
      template: "I feel {emotion} when {situation} because {reason}. I would like {request}.",
      blanks: [
        { key: "emotion", label: "The feeling", placeholder: "uneasy" },
        { key: "situation", label: "What happens", placeholder: "our plans change and I only find out afterwards" },
        { key: "reason", label: "Why it touches you", placeholder: "I was often left guessing as a child" },
        { key: "request", label: "What would help", placeholder: "a short message when plans change" },
      ],
    },
    {
      key: "hoped_reply",
      type: "long_text",
      label: "What caring reply would you hope to hear back?",
      help: "Imagining a kind answer can help you recognise one when it comes, and tell your partner what helps.",
    },
    {
      key: "used_it",
      type: "yes_partly_no",
      label: "Have you used your sentence with your partner yet?",
    },
    {
      key: "how_it_went",
      type: "scale",
      label: "How did the conversation go?",
      help: "Skip this if you haven't had the conversation yet.",
      required: false,
      minLabel: "Very badly",
      maxLabel: "Really well",
    },
  ],
});
