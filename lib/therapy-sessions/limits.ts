// The sessions forms' limits and labels, without zod, so client components
// can import them (zod's schemas try eval in the browser, which the CSP
// refuses). The schemas in schemas.ts use the same values.
export const SESSION_NOTE_MAX = 2000;
export const DURATION_MIN = 5;
export const DURATION_MAX = 480;

export const RECURRENCE_LABELS = { NONE: "Just this once", WEEKLY: "Every week", FORTNIGHTLY: "Every two weeks" } as const;
