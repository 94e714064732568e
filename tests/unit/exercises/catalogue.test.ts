import { describe, expect, it } from "vitest";
import { builtInExercises, getBuiltInExercise } from "@/lib/exercises/catalogue";
import { standardizedMeasures } from "@/lib/exercises/measures";
import { exerciseDefinitionSchema } from "@/lib/exercises/types";
import type { FieldDefinition } from "@/lib/exercises/fields";

const CATALOGUE_SLUGS = [
  "roots-of-mistrust",
  "trigger-log",
  "i-statement-builder",
  "boundary-script",
  "micro-promises",
  "three-good-things",
  "grounding-practice",
  "sincere-apology-planner",
  "letter-to-younger-self",
  "weekly-trust-check-in",
  "signs-of-mistrust-self-check",
  "relationship-safety-check",
  "low-risk-trust-deposit",
  "emotional-risk-step",
  "words-and-actions",
  "urge-to-check-then-swap",
];

function field(slug: string, key: string): FieldDefinition {
  const found = getBuiltInExercise(slug)?.fields.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`missing field ${slug}.${key}`);
  return found;
}

describe("built-in catalogue", () => {
  it("has the 16 exercises from PRODUCT.md, in order", () => {
    expect(builtInExercises.map((exercise) => exercise.slug)).toEqual(CATALOGUE_SLUGS);
  });

  it.each([...builtInExercises, ...standardizedMeasures].map((d) => [d.slug, d] as const))(
    "%s parses with exerciseDefinitionSchema and has unique field keys",
    (_slug, definition) => {
      const parsed = exerciseDefinitionSchema.safeParse(definition);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      // Parsing an already-parsed definition must not change it (defaults are stable).
      expect(parsed.data).toEqual(definition);
      const keys = definition.fields.map((f) => f.key);
      expect(new Set(keys).size).toBe(keys.length);
    },
  );

  it("has unique slugs across exercises and measures", () => {
    const slugs = [...builtInExercises, ...standardizedMeasures].map((d) => d.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it("finds exercises and standardized measures by slug", () => {
    expect(getBuiltInExercise("trigger-log")?.title).toBe("Trigger log");
    expect(getBuiltInExercise("phq-9")?.kind).toBe("measure");
    expect(getBuiltInExercise("gad-7")?.kind).toBe("measure");
    expect(getBuiltInExercise("no-such-exercise")).toBeUndefined();
  });

  it("trigger log lists the triggers and coping actions from the brief", () => {
    const trigger = field("trigger-log", "trigger");
    expect(trigger.type === "single_choice" && trigger.options.map((o) => o.value)).toEqual([
      "late_reply",
      "routine_change",
      "social_media",
      "partner_withdrawn",
      "other",
    ]);
    const did = field("trigger-log", "what_i_did");
    expect(did.type === "multi_choice" && did.options.map((o) => o.value)).toEqual([
      "paused",
      "named_feeling",
      "self_soothed",
      "asked_calmly",
      "accused",
      "checked_phone",
    ]);
    expect(field("trigger-log", "intensity_before").type).toBe("scale");
    expect(field("trigger-log", "intensity_after").type).toBe("scale");
    expect(field("trigger-log", "evidence_or_emotion").type).toBe("single_choice");
    expect(field("trigger-log", "reassurance_needed").type).toBe("short_text");
    expect(getBuiltInExercise("trigger-log")?.allowsMultiplePerDay).toBe(true);
  });

  it("relationship safety check asks about fear with a safety rule", () => {
    const afraid = field("relationship-safety-check", "afraid_or_unsafe");
    expect(afraid.label).toMatch(/afraid of, or unsafe with, your partner/);
    expect(afraid.type === "yes_partly_no" && afraid.safety).toEqual({ whenAnswerIn: ["yes", "partly"] });
  });

  it("weekly check-in has the four 0–10 ratings and a count", () => {
    const fields = getBuiltInExercise("weekly-trust-check-in")?.fields ?? [];
    expect(fields.map((f) => [f.key, f.type])).toEqual([
      ["predictability", "scale"],
      ["reliability", "scale"],
      ["emotional_safety", "scale"],
      ["worry", "scale"],
      ["times_checked", "number"],
    ]);
  });

  it("micro-promises runs daily for 30 days", () => {
    const definition = getBuiltInExercise("micro-promises");
    expect(definition?.suggestedSchedule).toBe("daily_for_n_days");
    expect(definition?.suggestedDays).toBe(30);
    expect(definition?.fields.map((f) => [f.key, f.type])).toEqual([
      ["promise", "short_text"],
      ["kept", "yes_partly_no"],
      ["partner_kept", "short_text"],
    ]);
  });

  it("grounding practice has box breathing at 4-4-4 and before/after worry", () => {
    const breathing = field("grounding-practice", "box_breathing");
    expect(breathing.type === "timer" && [breathing.pattern, breathing.phaseSeconds]).toEqual([
      "box_breathing",
      4,
    ]);
    expect(field("grounding-practice", "muscle_relaxation").type).toBe("timer");
    expect(field("grounding-practice", "senses").type).toBe("script");
    expect(field("grounding-practice", "worry_before").type).toBe("scale");
    expect(field("grounding-practice", "worry_after").type).toBe("scale");
  });

  it("signs-of-mistrust self-check lists nine signs and accepts ticking none", () => {
    const signs = field("signs-of-mistrust-self-check", "signs");
    expect(signs.type).toBe("multi_choice");
    if (signs.type !== "multi_choice") return;
    expect(signs.options).toHaveLength(9);
    expect(signs.minSelected).toBe(0);
  });

  it("lets clients keep deeply personal journal answers private", () => {
    const privateKeys = builtInExercises.flatMap((d) =>
      d.fields.filter((f) => f.type === "long_text" && f.privateAllowed).map((f) => `${d.slug}.${f.key}`),
    );
    expect(privateKeys).toEqual(
      expect.arrayContaining(["roots-of-mistrust.early_experiences", "letter-to-younger-self.letter"]),
    );
  });

  it("apology planner is for the partner who broke trust and checks for minimising", () => {
    const definition = getBuiltInExercise("sincere-apology-planner");
    expect(definition?.audience).toBe("partner_who_broke_trust");
    expect(
      definition?.fields.every((f) => f.type === "long_text" && f.warnOnMinimising),
    ).toBe(true);
  });

  it("i-statement builder uses the four-gap sentence", () => {
    const statement = field("i-statement-builder", "statement");
    expect(statement.type === "script" && statement.blanks.map((b) => b.key)).toEqual([
      "emotion",
      "situation",
      "reason",
      "request",
    ]);
  });
});
