/**
 * Answer options shared by the PHQ-9 and GAD-7, with their published labels
 * and scores. Values are the score as a string so a stored answer reads the
 * same as the paper form; the numeric `score` is what gets added up.
 */
export const FREQUENCY_OPTIONS = [
  { value: "0", label: "Not at all", score: 0 },
  { value: "1", label: "Several days", score: 1 },
  { value: "2", label: "More than half the days", score: 2 },
  { value: "3", label: "Nearly every day", score: 3 },
];

/**
 * The unscored functional-impact question printed under both instruments.
 * It is optional: the form asks it only "if you checked off any problems".
 */
export const DIFFICULTY_QUESTION = {
  key: "difficulty",
  type: "single_choice",
  required: false,
  label:
    "If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?",
  options: [
    { value: "not_difficult", label: "Not difficult at all" },
    { value: "somewhat_difficult", label: "Somewhat difficult" },
    { value: "very_difficult", label: "Very difficult" },
    { value: "extremely_difficult", label: "Extremely difficult" },
  ],
} as const;

/** Both instruments are free to use; the developers ask for this credit line. */
export const PHQ_ATTRIBUTION =
  "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.";
