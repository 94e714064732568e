// A template version as the app uses it: the stored row, parsed and typed.
import { createHash } from "node:crypto";
import { z } from "zod";
import {
  EXERCISE_AUDIENCES,
  MAX_LONG_TEXT_LENGTH,
  SUGGESTED_SCHEDULES,
  templateFieldsSchema,
  type ExerciseDefinition,
  type ExerciseKind,
  type FieldDefinition,
} from "@/lib/exercises";

export const versionDetailsSchema = z.object({
  attribution: z.string().optional(),
  suggestedSchedule: z.enum(SUGGESTED_SCHEDULES).optional(),
  suggestedDays: z.number().int().optional(),
  audience: z.enum(EXERCISE_AUDIENCES).optional(),
});

export type VersionDetails = z.infer<typeof versionDetailsSchema>;

export type ExerciseVersion = {
  id: string;
  templateId: string;
  version: number;
  kind: ExerciseKind;
  title: string;
  purpose: string;
  instructions: string | null;
  estimatedMinutes: number;
  allowsMultiplePerDay: boolean;
  fields: FieldDefinition[];
  details: VersionDetails;
};

type VersionRow = {
  id: string;
  templateId: string;
  version: number;
  title: string;
  purpose: string;
  instructions: string | null;
  estimatedMinutes: number;
  allowsMultiplePerDay: boolean;
  fields: unknown;
  details: unknown;
};

/** Parses a stored version; stored fields were validated on write, so a failure here is a bug. */
export function toExerciseVersion(row: VersionRow, kind: ExerciseKind): ExerciseVersion {
  return {
    id: row.id,
    templateId: row.templateId,
    version: row.version,
    kind,
    title: row.title,
    purpose: row.purpose,
    instructions: row.instructions,
    estimatedMinutes: row.estimatedMinutes,
    allowsMultiplePerDay: row.allowsMultiplePerDay,
    fields: templateFieldsSchema.parse(withCurrentLimits(row.fields)),
    details: versionDetailsSchema.parse(row.details ?? {}),
  };
}

/**
 * Versions saved before long answers were capped at 20,000 characters may ask
 * for more; they are read with today's cap (the answers are checked against
 * it too), so an old version never fails to load.
 */
function withCurrentLimits(fields: unknown): unknown {
  if (!Array.isArray(fields)) return fields;
  return fields.map((field: unknown) => {
    if (!field || typeof field !== "object") return field;
    const { type, maxLength } = field as { type?: unknown; maxLength?: unknown };
    if (type === "long_text" && typeof maxLength === "number" && maxLength > MAX_LONG_TEXT_LENGTH) {
      return { ...field, maxLength: MAX_LONG_TEXT_LENGTH };
    }
    return field;
  });
}

export const versionSelect = {
  id: true,
  templateId: true,
  version: true,
  title: true,
  purpose: true,
  instructions: true,
  estimatedMinutes: true,
  allowsMultiplePerDay: true,
  fields: true,
  details: true,
} as const;

/** The columns of a version row for an exercise definition. */
export function versionData(definition: Omit<ExerciseDefinition, "slug">) {
  const details: VersionDetails = {
    attribution: definition.attribution,
    suggestedSchedule: definition.suggestedSchedule,
    suggestedDays: definition.suggestedDays,
    audience: definition.audience,
  };
  const content = {
    title: definition.title,
    purpose: definition.purpose,
    instructions: definition.instructions ?? null,
    estimatedMinutes: definition.estimatedMinutes,
    allowsMultiplePerDay: definition.allowsMultiplePerDay,
    fields: definition.fields,
    details: JSON.parse(JSON.stringify(details)) as VersionDetails,
  };
  return { ...content, contentHash: createHash("sha256").update(JSON.stringify(content)).digest("hex") };
}
