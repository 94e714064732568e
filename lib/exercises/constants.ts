/**
 * Names, limits and labels of fields and exercises, without zod: client
 * components (the portal's form, the builder) import them from here, and the
 * zod schemas in fields.ts and types.ts build on the same values.
 */

/** The longest answer any long-text question may ask for; the whole entry has its own limit too. */
export const MAX_LONG_TEXT_LENGTH = 20_000;

/** Bounds of any number a template sets (ranges, thresholds): far beyond any real measure. */
export const NUMBER_LIMIT = 1_000_000_000;

/** Field keys become answer keys and metric names, so they must stay stable slugs. */
export const FIELD_KEY_PATTERN = /^[a-z][a-z0-9_]*$/;

export const YES_PARTLY_NO_ANSWERS = ["yes", "partly", "no"] as const;
export type YesPartlyNo = (typeof YES_PARTLY_NO_ANSWERS)[number];
export const YES_PARTLY_NO_LABELS: Record<YesPartlyNo, string> = { yes: "Yes", partly: "Partly", no: "No" };
/** The three answers as choices, in order. */
export const YES_PARTLY_NO_OPTIONS = YES_PARTLY_NO_ANSWERS.map((value) => ({ value, label: YES_PARTLY_NO_LABELS[value] }));

export const TIMER_PATTERNS = ["box_breathing", "countdown"] as const;
export type TimerPattern = (typeof TIMER_PATTERNS)[number];

export const EXERCISE_KINDS = ["journal", "log", "script", "tracker", "measure", "guided", "action"] as const;
export type ExerciseKind = (typeof EXERCISE_KINDS)[number];

/** Mirrors the assignment schedules a therapist can pick; only a suggestion. */
export const SUGGESTED_SCHEDULES = ["once", "daily", "weekly", "daily_for_n_days"] as const;
export type SuggestedSchedule = (typeof SUGGESTED_SCHEDULES)[number];

/** Who the exercise is written for; the library can filter on it. */
export const EXERCISE_AUDIENCES = ["any", "partner_who_broke_trust"] as const;
export type ExerciseAudience = (typeof EXERCISE_AUDIENCES)[number];

/** Slugs name metrics (`<slug>.<field>`), so they are lower-case words joined by hyphens. */
export const EXERCISE_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
