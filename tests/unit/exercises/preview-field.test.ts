// The builder's zod-free preview (lib/exercises/preview-field.ts) must agree
// with the field schemas the server saves with: same defaults on every
// built-in question, and nothing previewed that the schema would refuse.
import { describe, expect, it } from "vitest";
import { builtInExercises } from "@/lib/exercises/catalogue";
import { fieldDefinitionSchema, type FieldDefinitionInput } from "@/lib/exercises/fields";
import { standardizedMeasures } from "@/lib/exercises/measures";
import { previewField } from "@/lib/exercises/preview-field";

const builtInFields = [...builtInExercises, ...standardizedMeasures].flatMap((exercise) =>
  exercise.fields.map((field) => [`${exercise.slug}.${field.key}`, field] as const),
);

const minimal: FieldDefinitionInput[] = [
  { type: "short_text", key: "a", label: "A" },
  { type: "long_text", key: "b", label: "B", privateAllowed: true },
  { type: "scale", key: "c", label: "C", minLabel: "Low", maxLabel: "High", safety: { whenAtLeast: 8 } },
  { type: "number", key: "d", label: "D", max: 5 },
  { type: "single_choice", key: "e", label: "E", options: [{ value: "x", label: "X", score: 0 }, { value: "y", label: "Y", score: 1 }] },
  { type: "multi_choice", key: "f", label: "F", options: [{ value: "x", label: "X" }, { value: "y", label: "Y" }], safety: { whenAnswerIn: ["y"] } },
  { type: "yes_partly_no", key: "g", label: "G", required: false },
  { type: "script", key: "h", label: "H", template: "I {feel} it.", blanks: [{ key: "feel", label: "Feel" }] },
  { type: "timer", key: "i", label: "I", pattern: "box_breathing", seconds: 60, phaseSeconds: 4 },
];

/** Each of these is refused by the field schema, so the preview leaves it out too. */
const unfinished: [string, unknown][] = [
  ["no label yet", { type: "short_text", key: "a", label: "  " }],
  ["a scale without its end labels", { type: "scale", key: "c", label: "C", minLabel: "", maxLabel: "High" }],
  ["a choice with one option", { type: "single_choice", key: "e", label: "E", options: [{ value: "x", label: "X" }] }],
  ["an option without a label", { type: "multi_choice", key: "f", label: "F", options: [{ value: "x", label: "X" }, { value: "y", label: "" }] }],
  ["scores on some options only", { type: "single_choice", key: "e", label: "E", options: [{ value: "x", label: "X", score: 1 }, { value: "y", label: "Y" }] }],
  ["a gap without a blank", { type: "script", key: "h", label: "H", template: "I {feel} {when}.", blanks: [{ key: "feel", label: "Feel" }] }],
  ["a stray brace", { type: "script", key: "h", label: "H", template: "I {Feel}.", blanks: [{ key: "feel", label: "Feel" }] }],
  ["a timer too short", { type: "timer", key: "i", label: "I", pattern: "countdown", seconds: 5 }],
  ["a phase on a countdown", { type: "timer", key: "i", label: "I", pattern: "countdown", seconds: 60, phaseSeconds: 4 }],
  ["min above max", { type: "number", key: "d", label: "D", min: 5, max: 1 }],
  ["a threshold above the highest answer", { type: "number", key: "d", label: "D", max: 5, safety: { whenAtLeast: 6 } }],
  ["a safety answer that is not an option", { type: "yes_partly_no", key: "g", label: "G", safety: { whenAnswerIn: ["maybe"] } }],
  ["an unknown type", { type: "slider", key: "z", label: "Z" }],
  ["a bad key", { type: "short_text", key: "Not a key", label: "A" }],
];

describe("previewField", () => {
  it.each(builtInFields)("previews the built-in question %s exactly as the schema parses it", (_name, field) => {
    expect(previewField(JSON.parse(JSON.stringify(field)))).toEqual(fieldDefinitionSchema.parse(field));
  });

  it.each(minimal.map((field) => [field.type, field] as const))("fills in the schema's defaults for a %s question", (_type, field) => {
    expect(previewField(field)).toEqual(fieldDefinitionSchema.parse(field));
  });

  it.each(unfinished)("leaves out %s, as the schema refuses it", (_name, payload) => {
    expect(fieldDefinitionSchema.safeParse(payload).success).toBe(false);
    expect(previewField(payload)).toBeNull();
  });
});
