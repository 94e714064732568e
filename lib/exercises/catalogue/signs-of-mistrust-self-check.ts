import { defineExercise } from "../define-exercise";

/**
 * #11 — A checklist whose tick count is the score (metric `.count`).
 * minSelected is 0 because ticking nothing is a real, good answer.
 * Meant to be repeated about monthly; the schedule enum has no "monthly",
 * so the purpose text carries that suggestion.
 */
export const signsOfMistrustSelfCheck = defineExercise({
  slug: "signs-of-mistrust-self-check",
  title: "Signs of mistrust self-check",
  kind: "measure",
  purpose:
    "A quick snapshot of how mistrust is showing up in your life right now. Doing it about once a month lets you see change over time. There is no pass or fail.",
  estimatedMinutes: 3,
  allowsMultiplePerDay: false,
  suggestedSchedule: "once",
  fields: [
    {
      key: "signs",
      type: "multi_choice",
      label: "Which of these have been true for you over the past month?",
      help: "Tick all that fit. If none do, leave them all unticked.",
      minSelected: 0,
      options: [
        { value: "overthinking", label: "I overthink my partner's words or actions" },
        { value: "hard_to_share", label: "It's hard for me to share my feelings" },
        { value: "checking_testing", label: "I check up on or test the relationship" },
        { value: "withdrawing", label: "I pull away to protect myself" },
        { value: "cant_forgive", label: "I find it hard to let go of past mistakes" },
        { value: "constant_suspicion", label: "I feel suspicious even when nothing points to a problem" },
        { value: "fear_of_vulnerability", label: "Opening up feels dangerous to me" },
        { value: "jealousy", label: "I feel jealous or afraid of being replaced" },
        { value: "need_for_control", label: "I need to control things so I don't get hurt" },
      ],
    },
  ],
});
