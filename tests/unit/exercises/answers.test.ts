import { describe, expect, it } from "vitest";
import { buildAnswersSchema } from "@/lib/exercises/answers";
import { templateFieldsSchema } from "@/lib/exercises/fields";
import { getBuiltInExercise } from "@/lib/exercises/catalogue";

const fields = templateFieldsSchema.parse([
  { key: "note", type: "short_text", label: "Note", maxLength: 10 },
  { key: "story", type: "long_text", label: "Story", required: false },
  { key: "mood", type: "scale", label: "Mood", minLabel: "Low", maxLabel: "High" },
  { key: "times", type: "number", label: "Times", min: 0, max: 50 },
  {
    key: "trigger",
    type: "single_choice",
    label: "Trigger",
    options: [
      { value: "late_reply", label: "Late reply" },
      { value: "other", label: "Other" },
    ],
  },
  {
    key: "did",
    type: "multi_choice",
    label: "What I did",
    options: [
      { value: "paused", label: "Paused" },
      { value: "asked", label: "Asked" },
    ],
  },
  { key: "kept", type: "yes_partly_no", label: "Kept?" },
  {
    key: "sentence",
    type: "script",
    label: "Sentence",
    template: "I feel {emotion} when {situation}.",
    blanks: [
      { key: "emotion", label: "Feeling" },
      { key: "situation", label: "Situation", maxLength: 20 },
    ],
  },
  { key: "breathe", type: "timer", label: "Breathe", pattern: "box_breathing", seconds: 60, required: false },
]);

const draft = buildAnswersSchema(fields, { mode: "draft" });
const submit = buildAnswersSchema(fields, { mode: "submit" });

const complete = {
  note: "hello",
  mood: 4,
  times: 3,
  trigger: "late_reply",
  did: ["paused"],
  kept: "partly",
  sentence: { emotion: "uneasy", situation: "plans change" },
};

function issues(schema: typeof draft, input: unknown) {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path, message: i.message }));
}

describe("buildAnswersSchema — draft mode", () => {
  it("accepts an empty or half-finished draft", () => {
    expect(issues(draft, {})).toEqual([]);
    expect(issues(draft, { note: "", mood: 3, sentence: { emotion: "sad" } })).toEqual([]);
  });

  it("keeps values that are still being typed", () => {
    // 75 is out of range for "times", but the client may be typing "7".
    expect(issues(draft, { times: 75, trigger: "somethi" })).toEqual([]);
  });

  it("still enforces types and maximum lengths", () => {
    expect(issues(draft, { mood: "4" })).toEqual([{ path: ["mood"], message: "Choose a number from 0 to 10" }]);
    expect(issues(draft, { note: "far too long for this" })).toEqual([
      { path: ["note"], message: "Please keep this to 10 characters or fewer" },
    ]);
    expect(issues(draft, { sentence: { situation: "x".repeat(21) } })).toEqual([
      { path: ["sentence", "situation"], message: "Please keep this to 20 characters or fewer" },
    ]);
    expect(issues(draft, { kept: "maybe" })).toEqual([{ path: ["kept"], message: "Choose yes, partly or no" }]);
  });

  it("rejects unknown keys", () => {
    expect(issues(draft, { surprise: "x" })).toEqual([
      { path: [], message: "These answers don't belong to this exercise" },
    ]);
    expect(issues(draft, { sentence: { mood: "x" } })).toEqual([
      { path: ["sentence"], message: "This gap doesn't belong to the sentence" },
    ]);
  });
});

describe("buildAnswersSchema — submit mode", () => {
  it("accepts a complete answer sheet and leaves optional fields out", () => {
    expect(issues(submit, complete)).toEqual([]);
    expect(issues(submit, { ...complete, story: "", breathe: { completed: true, seconds: 60 } })).toEqual([]);
  });

  it("asks for missing required answers in plain words", () => {
    const withoutMood: Record<string, unknown> = { ...complete };
    delete withoutMood.mood;
    expect(issues(submit, withoutMood)).toEqual([{ path: ["mood"], message: "Please answer this question" }]);
    expect(issues(submit, { ...complete, note: "   " })).toEqual([
      { path: ["note"], message: "Please answer this question" },
    ]);
    expect(issues(submit, { ...complete, did: [] })).toEqual([
      { path: ["did"], message: "Please answer this question" },
    ]);
    expect(issues(submit, { ...complete, sentence: { emotion: "uneasy", situation: "" } })).toEqual([
      { path: ["sentence", "situation"], message: "Please fill in this gap" },
    ]);
  });

  it("rejects out-of-range numbers", () => {
    expect(issues(submit, { ...complete, mood: 11 })).toEqual([
      { path: ["mood"], message: "Choose a number from 0 to 10" },
    ]);
    expect(issues(submit, { ...complete, mood: 2.5 })).toEqual([
      { path: ["mood"], message: "Choose a number from 0 to 10" },
    ]);
    expect(issues(submit, { ...complete, times: 51 })).toEqual([
      { path: ["times"], message: "Please enter a number from 0 to 50" },
    ]);
    expect(issues(submit, { ...complete, times: 1.5 })).toEqual([
      { path: ["times"], message: "Please enter a whole number" },
    ]);
  });

  it("rejects choices that are not among the options", () => {
    expect(issues(submit, { ...complete, trigger: "weather" })).toEqual([
      { path: ["trigger"], message: "Choose one of the options" },
    ]);
    expect(issues(submit, { ...complete, did: ["paused", "shouted"] })).toEqual([
      { path: ["did"], message: "Choose only from the listed options" },
    ]);
    expect(issues(submit, { ...complete, did: ["paused", "paused"] })).toEqual([
      { path: ["did"], message: "Each option can only be ticked once" },
    ]);
  });

  it("rejects unknown keys and over-long text", () => {
    expect(issues(submit, { ...complete, extra: 1 })).toEqual([
      { path: [], message: "These answers don't belong to this exercise" },
    ]);
    expect(issues(submit, { ...complete, note: "x".repeat(11) })).toEqual([
      { path: ["note"], message: "Please keep this to 10 characters or fewer" },
    ]);
  });

  it("accepts a checklist with nothing ticked when minSelected is 0", () => {
    const selfCheck = getBuiltInExercise("signs-of-mistrust-self-check");
    if (!selfCheck) throw new Error("missing self-check");
    const schema = buildAnswersSchema(selfCheck.fields, { mode: "submit" });
    expect(schema.safeParse({ signs: [] }).success).toBe(true);
    expect(schema.safeParse({}).success).toBe(false);
  });

  it("validates every built-in exercise's empty draft", () => {
    const slugs = ["trigger-log", "grounding-practice", "phq-9", "relationship-safety-check"];
    for (const slug of slugs) {
      const definition = getBuiltInExercise(slug);
      if (!definition) throw new Error(`missing ${slug}`);
      expect(buildAnswersSchema(definition.fields, { mode: "draft" }).safeParse({}).success).toBe(true);
      expect(buildAnswersSchema(definition.fields, { mode: "submit" }).safeParse({}).success).toBe(false);
    }
  });
});
