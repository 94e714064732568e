import { defineExercise } from "../define-exercise";

/** #4 — A boundary framed as something that protects the relationship, not a demand. */
export const boundaryScript = defineExercise({
  slug: "boundary-script",
  title: "Boundary script",
  kind: "script",
  purpose:
    "A clear boundary tells your partner how to be close to you without hurting you. Writing it down first helps you say it calmly and explain why it matters.",
  estimatedMinutes: 10,
  allowsMultiplePerDay: false,
  suggestedSchedule: "once",
  fields: [
    {
      key: "boundary_statement",
      type: "script",
      label: "Put your boundary into words",
      help: "A boundary is about what you need or what you will do, not about controlling your partner.",
      template:
        "My boundary is {boundary}. It matters to me because {why_it_matters}. I think it can help both of us because {how_it_helps_us}. If it is crossed, {if_crossed}.",
      blanks: [
        { key: "boundary", label: "Your boundary", placeholder: "that we pause a heated argument and come back to it within an hour" },
        { key: "why_it_matters", label: "Why it matters to you", placeholder: "I say things I regret when I feel cornered" },
        { key: "how_it_helps_us", label: "How it helps you both", placeholder: "we can both talk when we are calmer" },
        { key: "if_crossed", label: "What happens if it is crossed", placeholder: "I will step out for a short walk and tell you when I'll be back" },
      ],
    },
    {
      key: "agreed",
      type: "yes_partly_no",
      label: "Have you and your partner agreed on this boundary together?",
      help: "Boundaries tend to hold best when both of you have talked them through.",
    },
  ],
});
