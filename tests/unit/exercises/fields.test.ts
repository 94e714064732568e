import { describe, expect, it } from "vitest";
import { fieldDefinitionSchema, templateFieldsSchema } from "@/lib/exercises/fields";
import { exerciseDefinitionSchema } from "@/lib/exercises/types";

function messages(input: unknown): string[] {
  const result = fieldDefinitionSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

const script = (template: string, blanks: string[]) => ({
  key: "sentence",
  type: "script",
  label: "Build your sentence",
  template,
  blanks: blanks.map((key) => ({ key, label: key })),
});

describe("field definitions", () => {
  it("fills in defaults", () => {
    const parsed = fieldDefinitionSchema.parse({ key: "note", type: "long_text", label: "Notes" });
    expect(parsed).toMatchObject({ required: true, maxLength: 10_000, privateAllowed: false });
    const short = fieldDefinitionSchema.parse({ key: "note", type: "short_text", label: "Note" });
    expect(short).toMatchObject({ maxLength: 200 });
    const scale = fieldDefinitionSchema.parse({
      key: "mood",
      type: "scale",
      label: "Mood",
      minLabel: "Low",
      maxLabel: "High",
    });
    expect(scale).toMatchObject({ min: 0, max: 10 });
  });

  it("rejects keys that are not slugs", () => {
    expect(messages({ key: "Mood Today", type: "short_text", label: "Mood" })).not.toEqual([]);
    expect(messages({ key: "1st", type: "short_text", label: "Mood" })).not.toEqual([]);
  });

  it("rejects unknown properties instead of dropping them", () => {
    expect(messages({ key: "note", type: "short_text", label: "Note", maxlength: 10 })).not.toEqual([]);
  });

  describe("script templates", () => {
    it("accepts a template whose gaps match its blanks", () => {
      expect(messages(script("I feel {emotion} when {situation}.", ["emotion", "situation"]))).toEqual([]);
    });

    it("rejects a gap without a blank", () => {
      expect(messages(script("I feel {emotion} when {situation}.", ["emotion"]))).toEqual([
        "The gap {situation} needs exactly one blank (found 0)",
      ]);
    });

    it("rejects a blank without a gap", () => {
      expect(messages(script("I feel {emotion}.", ["emotion", "reason"]))).toEqual([
        'The blank "reason" has no {reason} in the sentence',
      ]);
    });

    it("rejects a blank defined twice and a gap used twice", () => {
      expect(messages(script("I feel {emotion}.", ["emotion", "emotion"]))).toContain(
        "The gap {emotion} needs exactly one blank (found 2)",
      );
      expect(messages(script("{emotion} and {emotion}", ["emotion"]))).toContain(
        "The gap {emotion} appears more than once",
      );
    });

    it("rejects malformed gaps", () => {
      expect(messages(script("I feel {Emotion} and {emotion}.", ["emotion"]))).toContain(
        "Gaps must look like {name}: lower-case letters, digits and underscores",
      );
    });
  });

  describe("safety rules", () => {
    const yesNo = { key: "afraid", type: "yes_partly_no", label: "Afraid?" };
    const scale = { key: "worry", type: "scale", label: "Worry", minLabel: "None", maxLabel: "A lot" };

    it("accepts rules that fit the field type", () => {
      expect(messages({ ...yesNo, safety: { whenAnswerIn: ["yes", "partly"] } })).toEqual([]);
      expect(messages({ ...scale, safety: { whenAtLeast: 9 } })).toEqual([]);
      expect(
        messages({ key: "n", type: "number", label: "Count", min: 0, safety: { whenAtLeast: 1 } }),
      ).toEqual([]);
    });

    it("rejects a numeric rule on a choice field and a choice rule on a scale", () => {
      expect(messages({ ...yesNo, safety: { whenAtLeast: 1 } })).not.toEqual([]);
      expect(messages({ ...scale, safety: { whenAnswerIn: ["10"] } })).not.toEqual([]);
    });

    it("rejects any safety rule on free-text, script and timer fields", () => {
      const rule = { whenAnswerIn: ["yes"] };
      expect(messages({ key: "t", type: "long_text", label: "Text", safety: rule })).not.toEqual([]);
      expect(messages({ ...script("{a}", ["a"]), safety: rule })).not.toEqual([]);
      expect(
        messages({ key: "b", type: "timer", label: "Breathe", pattern: "countdown", seconds: 60, safety: rule }),
      ).not.toEqual([]);
    });

    it("rejects rules that could never fire", () => {
      expect(messages({ ...yesNo, safety: { whenAnswerIn: ["maybe"] } })).toEqual([
        '"maybe" is not one of this question\'s answers',
      ]);
      expect(messages({ ...scale, safety: { whenAtLeast: 11 } })).toEqual([
        "The safety threshold must be between 0 and 10",
      ]);
    });
  });

  describe("choices", () => {
    const choice = (options: { value: string; label: string; score?: number }[]) => ({
      key: "pick",
      type: "single_choice",
      label: "Pick one",
      options,
    });

    it("needs at least two options with unique values", () => {
      expect(messages(choice([{ value: "a", label: "A" }]))).toEqual(["Offer at least two options"]);
      expect(
        messages(
          choice([
            { value: "a", label: "A" },
            { value: "a", label: "Also A" },
          ]),
        ),
      ).toEqual(['Option value "a" is used twice']);
    });

    it("scores every option or none", () => {
      expect(
        messages(
          choice([
            { value: "a", label: "A", score: 1 },
            { value: "b", label: "B" },
          ]),
        ),
      ).toEqual(["Either every option has a score or none does"]);
    });
  });

  it("rejects timers outside 10–1800 seconds", () => {
    const timer = { key: "t", type: "timer", label: "Breathe", pattern: "countdown" };
    expect(messages({ ...timer, seconds: 5 })).not.toEqual([]);
    expect(messages({ ...timer, seconds: 1801 })).not.toEqual([]);
    expect(messages({ ...timer, seconds: 60, phaseSeconds: 4 })).toEqual([
      "phaseSeconds only applies to box breathing",
    ]);
  });
});

describe("templateFieldsSchema", () => {
  const note = (key: string) => ({ key, type: "short_text", label: "Note" });

  it("rejects duplicate keys", () => {
    const result = templateFieldsSchema.safeParse([note("a"), note("b"), note("a")]);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: [2, "key"], message: 'The key "a" is used by more than one question' }),
    ]);
  });

  it("needs between 1 and 60 fields", () => {
    expect(templateFieldsSchema.safeParse([]).success).toBe(false);
    expect(templateFieldsSchema.safeParse(Array.from({ length: 60 }, (_, i) => note(`q${i}`))).success).toBe(true);
    expect(templateFieldsSchema.safeParse(Array.from({ length: 61 }, (_, i) => note(`q${i}`))).success).toBe(false);
  });
});

describe("exerciseDefinitionSchema", () => {
  const base = {
    slug: "my-exercise",
    title: "My exercise",
    kind: "journal",
    purpose: "A short reason.",
    estimatedMinutes: 5,
    allowsMultiplePerDay: false,
    fields: [{ key: "note", type: "short_text", label: "Note" }],
  };

  it("requires suggestedDays exactly for daily_for_n_days", () => {
    expect(exerciseDefinitionSchema.safeParse(base).success).toBe(true);
    expect(exerciseDefinitionSchema.safeParse({ ...base, suggestedSchedule: "daily_for_n_days" }).success).toBe(false);
    expect(
      exerciseDefinitionSchema.safeParse({ ...base, suggestedSchedule: "daily_for_n_days", suggestedDays: 30 }).success,
    ).toBe(true);
    expect(exerciseDefinitionSchema.safeParse({ ...base, suggestedSchedule: "weekly", suggestedDays: 3 }).success).toBe(false);
  });

  it("rejects slugs that are not lower-case words joined by hyphens", () => {
    expect(exerciseDefinitionSchema.safeParse({ ...base, slug: "My_Exercise" }).success).toBe(false);
  });
});
