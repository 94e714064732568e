import { defineExercise } from "../define-exercise";

/**
 * #8 — For the partner who broke trust. The text fields ask the portal to
 * point out minimising phrases (warnOnMinimising), because an apology that
 * softens the harm usually reopens the wound it is meant to close.
 */
export const sincereApologyPlanner = defineExercise({
  slug: "sincere-apology-planner",
  title: "Sincere apology planner",
  kind: "script",
  purpose:
    "A real apology names what happened, owns it fully, and shows you understand the hurt. Planning it here, before you speak, helps you say it without excuses.",
  estimatedMinutes: 15,
  allowsMultiplePerDay: false,
  suggestedSchedule: "once",
  audience: "partner_who_broke_trust",
  fields: [
    {
      key: "what_i_did",
      type: "long_text",
      label: "What did you do?",
      help: "Name the actions plainly, as they happened, without softening them or explaining them yet.",
      warnOnMinimising: true,
    },
    {
      key: "my_responsibility",
      type: "long_text",
      label: "What is yours to own in this?",
      help: "Write it without \"but\", without reasons, and without pointing at anything your partner did.",
      warnOnMinimising: true,
    },
    {
      key: "impact_on_partner",
      type: "long_text",
      label: "How do you think this hurt your partner?",
      help: "Try to see it from where they stand: what they lost, what they fear now, and what they have had to carry.",
      warnOnMinimising: true,
    },
    {
      key: "doing_differently",
      type: "long_text",
      label: "What will you do differently from now on?",
      help: "Concrete actions your partner will be able to see work better than general promises.",
      warnOnMinimising: true,
    },
  ],
});
