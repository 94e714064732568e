import { defineExercise } from "../define-exercise";

/**
 * #12 — Working on trust never means tolerating harm. The fear question
 * carries a safety rule: "yes" or "partly" shows crisis resources in the
 * portal and flags the client for the therapist. The help text says so
 * plainly, because a client deserves to know what an answer will set off.
 */
export const relationshipSafetyCheck = defineExercise({
  slug: "relationship-safety-check",
  title: "Is this relationship safe for me?",
  kind: "measure",
  purpose:
    "Rebuilding trust only makes sense in a relationship that is safe for you. These few questions help you and your therapist keep an honest eye on that.",
  estimatedMinutes: 5,
  allowsMultiplePerDay: false,
  suggestedSchedule: "once",
  fields: [
    {
      key: "consistent_accountable",
      type: "yes_partly_no",
      label: "Is your partner consistent, and do they take responsibility when they get things wrong?",
    },
    {
      key: "safe_over_time",
      type: "yes_partly_no",
      label: "Looking at the last few weeks and months, do you feel emotionally safe with your partner?",
    },
    {
      key: "growing_or_anxious",
      type: "single_choice",
      label: "Overall, is this relationship helping you grow, or keeping you anxious?",
      options: [
        { value: "growing", label: "Mostly helping me grow" },
        { value: "mixed", label: "Some of each" },
        { value: "anxious", label: "Mostly keeping me anxious" },
      ],
    },
    {
      key: "afraid_or_unsafe",
      type: "yes_partly_no",
      label: "Do you feel afraid of, or unsafe with, your partner?",
      help: "Please answer honestly. If you answer yes or partly, you will see where to find help straight away, and your therapist will be alerted.",
      safety: { whenAnswerIn: ["yes", "partly"] },
    },
    {
      key: "anything_else",
      type: "long_text",
      label: "Is there anything you would like your therapist to know?",
      required: false,
    },
  ],
});
