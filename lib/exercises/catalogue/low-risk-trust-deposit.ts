import { defineExercise } from "../define-exercise";

/** #13 — One small, reliable act: trust is built from deposits, not grand gestures. */
export const lowRiskTrustDeposit = defineExercise({
  slug: "low-risk-trust-deposit",
  title: "Low-risk trust deposit",
  kind: "action",
  purpose:
    "Trust is built from many small, dependable moments. Choose one easy thing you can do reliably, do it, and notice how it lands.",
  estimatedMinutes: 5,
  allowsMultiplePerDay: false,
  suggestedSchedule: "once",
  fields: [
    {
      key: "planned_act",
      type: "short_text",
      label: "What small, reliable thing will you do?",
      help: "Pick something low-stakes you can easily follow through on.",
      placeholder: "Let my partner know if I'm going to be more than 15 minutes late",
      maxLength: 300,
    },
    {
      key: "done",
      type: "yes_partly_no",
      label: "Did you do it?",
    },
    {
      key: "how_it_landed",
      type: "long_text",
      label: "How did it land, for you and for your partner?",
      help: "Fill this in once you've had the chance to do it.",
      required: false,
    },
  ],
});
