import { z } from "zod";
import { EXERCISE_AUDIENCES, EXERCISE_KINDS, EXERCISE_SLUG_PATTERN, SUGGESTED_SCHEDULES } from "./constants";
import { templateFieldsSchema } from "./fields";

/** Exercise definitions: a template's fields plus what the library shows about it. */

// The zod-free names live in constants.ts (client components import them from there).
export {
  EXERCISE_AUDIENCES,
  EXERCISE_KINDS,
  EXERCISE_SLUG_PATTERN,
  SUGGESTED_SCHEDULES,
  type ExerciseAudience,
  type ExerciseKind,
  type SuggestedSchedule,
} from "./constants";

export const exerciseDefinitionSchema = z
  .strictObject({
    slug: z.string().max(80).regex(EXERCISE_SLUG_PATTERN, {
      error: "Use lower-case words joined by hyphens",
    }),
    title: z.string().trim().min(1).max(120),
    kind: z.enum(EXERCISE_KINDS),
    /** One or two warm sentences telling the client why this helps. */
    purpose: z.string().trim().min(1).max(400),
    /** Shown above the questions, e.g. the stem of a questionnaire. */
    instructions: z.string().trim().min(1).max(1000).optional(),
    estimatedMinutes: z.int().min(1).max(120),
    /** Logs can be filled in every time something happens; most others once a day. */
    allowsMultiplePerDay: z.boolean(),
    suggestedSchedule: z.enum(SUGGESTED_SCHEDULES).optional(),
    suggestedDays: z.int().min(1).max(365).optional(),
    audience: z.enum(EXERCISE_AUDIENCES).optional(),
    /** Credit line required by some published instruments. */
    attribution: z.string().trim().min(1).max(500).optional(),
    fields: templateFieldsSchema,
  })
  .superRefine((definition, ctx) => {
    const needsDays = definition.suggestedSchedule === "daily_for_n_days";
    if (needsDays && definition.suggestedDays === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["suggestedDays"],
        message: "Say for how many days the exercise should run",
      });
    }
    if (!needsDays && definition.suggestedDays !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["suggestedDays"],
        message: "suggestedDays only applies to the daily_for_n_days schedule",
      });
    }
  });

/** A parsed definition with every default filled in. */
export type ExerciseDefinition = z.output<typeof exerciseDefinitionSchema>;
/** What an author writes; field defaults may be omitted. */
export type ExerciseDefinitionInput = z.input<typeof exerciseDefinitionSchema>;
