import { defineExercise } from "../define-exercise";

/** #1 — Tracing where the doubt comes from, so old hurts are not blamed on the present. */
export const rootsOfMistrust = defineExercise({
  slug: "roots-of-mistrust",
  title: "Roots of mistrust",
  kind: "journal",
  purpose:
    "Doubt usually has a history. Writing down where yours began can help you tell what belongs to this relationship and what you have carried in from before.",
  estimatedMinutes: 15,
  allowsMultiplePerDay: false,
  suggestedSchedule: "once",
  fields: [
    {
      key: "when_it_began",
      type: "long_text",
      label: "When do you first remember feeling unsure whether you could trust someone close to you?",
      help: "A rough moment or period is enough. It may be recent, or it may go back a long way.",
      privateAllowed: true,
    },
    {
      key: "source",
      type: "single_choice",
      label: "Does this doubt feel more connected to your partner, or to things that happened before you met?",
      options: [
        { value: "this_partner", label: "Mostly to my partner and what they have done" },
        { value: "the_past", label: "Mostly to older hurts, from before this relationship" },
        { value: "both", label: "A mix of both" },
        { value: "not_sure", label: "I honestly can't tell yet" },
      ],
    },
    {
      key: "source_why",
      type: "long_text",
      label: "What makes you see it that way?",
      help: "There is no right answer. Notice what your mind points to as the reason.",
    },
    {
      key: "hurtful_behaviour",
      type: "long_text",
      label: "What exactly was said or done that shook your trust?",
      help: "Describe the behaviour itself, as concretely as you can, rather than what it seemed to mean. It may have been your partner, a past partner, or someone in your family.",
    },
    {
      key: "early_experiences",
      type: "long_text",
      label: "Which earlier experiences may have taught you what to expect from people?",
      help: "For example promises that were often broken, a parent who was hard to rely on, or a past partner who lied. Write only as much as feels manageable today.",
      privateAllowed: true,
    },
  ],
});
