import { defineExercise } from "../define-exercise";

/**
 * #7 — A guided sequence for moments of overthinking. The before/after worry
 * ratings let the client (and therapist) see that the practice helps.
 * Timers are optional so that skipping one never blocks saving the rest.
 */
export const groundingPractice = defineExercise({
  slug: "grounding-practice",
  title: "Grounding practice",
  kind: "guided",
  purpose:
    "When your thoughts start racing about the relationship, this practice helps your body settle and brings you back to the present moment. It takes about ten minutes.",
  estimatedMinutes: 10,
  allowsMultiplePerDay: true,
  suggestedSchedule: "daily",
  fields: [
    {
      key: "worry_before",
      type: "scale",
      label: "How worried or unsettled do you feel right now?",
      minLabel: "Calm",
      maxLabel: "Extremely worried",
    },
    {
      key: "box_breathing",
      type: "timer",
      label: "Box breathing",
      help: "Breathe in, hold, and breathe out, each for a count of four. If holding feels uncomfortable, shorten it.",
      required: false,
      pattern: "box_breathing",
      seconds: 120,
      phaseSeconds: 4,
      steps: [
        "Breathe in slowly through your nose",
        "Hold the breath gently",
        "Let the breath out slowly",
      ],
    },
    {
      key: "senses",
      type: "script",
      label: "Notice what is around you, one sense at a time",
      help: "Take your time and look around. Short words are fine.",
      template:
        "Right now I can see {see}. I can feel {touch}. I can hear {hear}. I can smell {smell}. I can taste {taste}.",
      blanks: [
        { key: "see", label: "Five things you can see", placeholder: "a lamp, a mug, the window, my shoes, a plant" },
        { key: "touch", label: "Four things you can touch or feel", placeholder: "the chair, my sleeve, the floor, cool air" },
        { key: "hear", label: "Three things you can hear", placeholder: "traffic, the fridge, my breathing" },
        { key: "smell", label: "Two things you can smell", placeholder: "coffee, soap" },
        { key: "taste", label: "One thing you can taste", placeholder: "toothpaste" },
      ],
    },
    {
      key: "muscle_relaxation",
      type: "timer",
      label: "Muscle relaxation",
      help: "Tense each group of muscles for a few seconds, then let it go completely and notice the difference. Never tense to the point of pain.",
      required: false,
      pattern: "countdown",
      seconds: 300,
      steps: [
        "Feet and toes: curl them tight, then release",
        "Calves and thighs: tighten, then let them go heavy",
        "Stomach: pull it in, then let it soften",
        "Hands and arms: make fists, then open your hands",
        "Shoulders: lift them towards your ears, then drop them",
        "Face: scrunch it up, then let your jaw loosen",
      ],
    },
    {
      key: "worry_after",
      type: "scale",
      label: "And how worried or unsettled do you feel now?",
      minLabel: "Calm",
      maxLabel: "Extremely worried",
    },
  ],
});
