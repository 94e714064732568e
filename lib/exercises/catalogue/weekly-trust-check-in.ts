import { defineExercise } from "../define-exercise";

/**
 * #10 — The core weekly measure. Predictability, reliability and emotional
 * safety are the three building blocks of trust; worry and checking show how
 * much mistrust is costing. Note the direction: higher is better for the
 * first three, lower is better for worry and times_checked.
 */
export const weeklyTrustCheckIn = defineExercise({
  slug: "weekly-trust-check-in",
  title: "Weekly trust check-in",
  kind: "measure",
  purpose:
    "A two-minute look back at your week. Over time these answers show whether trust is slowly growing, even when it doesn't feel like it day to day.",
  estimatedMinutes: 3,
  allowsMultiplePerDay: false,
  suggestedSchedule: "weekly",
  fields: [
    {
      key: "predictability",
      type: "scale",
      label: "This week, how predictable did your partner feel?",
      help: "Did they do what they said they would, when they said they would?",
      minLabel: "Not at all",
      maxLabel: "Completely",
    },
    {
      key: "reliability",
      type: "scale",
      label: "How much could you rely on your partner this week?",
      help: "Were they there for the things that mattered to you?",
      minLabel: "Not at all",
      maxLabel: "Completely",
    },
    {
      key: "emotional_safety",
      type: "scale",
      label: "How emotionally safe did you feel with your partner this week?",
      help: "When you were upset or shared something personal, were you met with care rather than anger or dismissal?",
      minLabel: "Not safe at all",
      maxLabel: "Completely safe",
    },
    {
      key: "worry",
      type: "scale",
      label: "How much did worry or overthinking about the relationship take up this week?",
      minLabel: "Hardly at all",
      maxLabel: "Almost all the time",
    },
    {
      key: "times_checked",
      type: "number",
      label: "About how many times did you check up on or test the relationship this week?",
      help: "For example looking through their phone, tracking where they were, or setting up a test to see what they would do. A rough count is fine, and there is no wrong number.",
      min: 0,
      max: 500,
      unit: "times",
    },
  ],
});
