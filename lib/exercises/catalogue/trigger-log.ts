import { defineExercise } from "../define-exercise";

/** #2 — Logging each trigger as it happens, to see patterns and how coping lowers the heat. */
export const triggerLog = defineExercise({
  slug: "trigger-log",
  title: "Trigger log",
  kind: "log",
  purpose:
    "When something sets off the fear, jot it down here. Over time you will see what sets you off, and how much the feeling eases when you respond to it with care.",
  estimatedMinutes: 3,
  allowsMultiplePerDay: true,
  suggestedSchedule: "daily",
  fields: [
    {
      key: "trigger",
      type: "single_choice",
      label: "What set the feeling off?",
      options: [
        { value: "late_reply", label: "A late or missing reply" },
        { value: "routine_change", label: "A change in their usual routine" },
        { value: "social_media", label: "Something on social media" },
        { value: "partner_withdrawn", label: "My partner seemed distant or withdrawn" },
        { value: "other", label: "Something else" },
      ],
    },
    {
      key: "trigger_other",
      type: "short_text",
      label: "If it was something else, what happened?",
      required: false,
    },
    {
      key: "intensity_before",
      type: "scale",
      label: "How strong was the feeling when it hit?",
      minLabel: "Barely there",
      maxLabel: "Overwhelming",
    },
    {
      key: "evidence_or_emotion",
      type: "single_choice",
      label: "Looking at it now, was the reaction based more on evidence or on emotion?",
      help: "Evidence is something you actually saw or know. Emotion is a fear or an old hurt filling in the gaps. Both are understandable.",
      options: [
        { value: "evidence", label: "Mostly evidence" },
        { value: "emotion", label: "Mostly emotion" },
        { value: "unsure", label: "I'm not sure" },
      ],
    },
    {
      key: "reassurance_needed",
      type: "short_text",
      label: "What reassurance did you really need in that moment?",
      help: "Try to put it in a few words, for example \"to know we are still okay\".",
    },
    {
      key: "what_i_did",
      type: "multi_choice",
      label: "What did you do with the feeling?",
      help: "Tick everything that happened, including the things you wish you hadn't done. This is for noticing, not for judging.",
      options: [
        { value: "paused", label: "Paused before reacting" },
        { value: "named_feeling", label: "Named the feeling to myself" },
        { value: "self_soothed", label: "Calmed myself down" },
        { value: "asked_calmly", label: "Asked my partner calmly" },
        { value: "accused", label: "Accused or blamed my partner" },
        { value: "checked_phone", label: "Checked their phone or accounts" },
      ],
    },
    {
      key: "intensity_after",
      type: "scale",
      label: "How strong is the feeling now?",
      minLabel: "Barely there",
      maxLabel: "Overwhelming",
    },
  ],
});
