import { defineExercise } from "../define-exercise";

/**
 * #16 — Checking and testing bring brief relief but feed mistrust. Logging
 * the urge and a replacement action shows that urges pass on their own.
 */
export const urgeToCheckThenSwap = defineExercise({
  slug: "urge-to-check-then-swap",
  title: "Urge to check, then swap",
  kind: "log",
  purpose:
    "When you feel the pull to check up on your partner or test them, try doing something else instead and record it here. Urges rise and then fade, and you can ride them out.",
  estimatedMinutes: 3,
  allowsMultiplePerDay: true,
  suggestedSchedule: "daily",
  fields: [
    {
      key: "urge",
      type: "single_choice",
      label: "What did you feel the urge to do?",
      options: [
        { value: "check_phone", label: "Check their phone, messages or accounts" },
        { value: "test", label: "Test them to see what they would do" },
        { value: "demand_reassurance", label: "Demand reassurance" },
        { value: "other", label: "Something else" },
      ],
    },
    {
      key: "urge_other",
      type: "short_text",
      label: "If it was something else, what was it?",
      required: false,
    },
    {
      key: "urge_before",
      type: "scale",
      label: "How strong was the urge?",
      minLabel: "Very weak",
      maxLabel: "Very strong",
    },
    {
      key: "did_instead",
      type: "short_text",
      label: "What did you do instead?",
      help: "Anything counts: slow breathing, a walk, texting a friend, writing the fear down, or calmly saying what you need.",
      maxLength: 300,
    },
    {
      key: "urge_after",
      type: "scale",
      label: "How strong is the urge now?",
      minLabel: "Very weak",
      maxLabel: "Very strong",
    },
  ],
});
