import { describe, expect, it } from "vitest";
import { builtInExercises, getBuiltInExercise } from "@/lib/exercises/catalogue";
import { describeMetrics, extractMeasurements } from "@/lib/exercises/measurements";
import { standardizedMeasures } from "@/lib/exercises/measures";
import type { ExerciseDefinition } from "@/lib/exercises/types";

function exercise(slug: string): ExerciseDefinition {
  const definition = getBuiltInExercise(slug);
  if (!definition) throw new Error(`missing ${slug}`);
  return definition;
}

describe("extractMeasurements", () => {
  it("turns the weekly check-in into five metrics", () => {
    const { slug, fields } = exercise("weekly-trust-check-in");
    const answers = { predictability: 6, reliability: 7, emotional_safety: 5, worry: 8, times_checked: 3 };
    expect(extractMeasurements(slug, fields, answers)).toEqual([
      { metric: "weekly-trust-check-in.predictability", value: 6 },
      { metric: "weekly-trust-check-in.reliability", value: 7 },
      { metric: "weekly-trust-check-in.emotional_safety", value: 5 },
      { metric: "weekly-trust-check-in.worry", value: 8 },
      { metric: "weekly-trust-check-in.times_checked", value: 3 },
    ]);
  });

  it("turns a trigger log entry into intensities and a coping count", () => {
    const { slug, fields } = exercise("trigger-log");
    const answers = {
      trigger: "late_reply",
      intensity_before: 8,
      evidence_or_emotion: "emotion",
      reassurance_needed: "to know we're okay",
      what_i_did: ["paused", "named_feeling", "asked_calmly"],
      intensity_after: 3,
    };
    expect(extractMeasurements(slug, fields, answers)).toEqual([
      { metric: "trigger-log.intensity_before", value: 8 },
      { metric: "trigger-log.what_i_did.count", value: 3 },
      { metric: "trigger-log.intensity_after", value: 3 },
    ]);
  });

  it("scores yes / partly / no as 1 / 0.5 / 0", () => {
    const { slug, fields } = exercise("micro-promises");
    const values = ["yes", "partly", "no"].map(
      (kept) => extractMeasurements(slug, fields, { promise: "text when late", kept })[0],
    );
    expect(values).toEqual([
      { metric: "micro-promises.kept", value: 1 },
      { metric: "micro-promises.kept", value: 0.5 },
      { metric: "micro-promises.kept", value: 0 },
    ]);
  });

  it("counts a checklist with nothing ticked as zero", () => {
    const { slug, fields } = exercise("signs-of-mistrust-self-check");
    expect(extractMeasurements(slug, fields, { signs: [] })).toEqual([
      { metric: "signs-of-mistrust-self-check.signs.count", value: 0 },
    ]);
  });

  it("adds item scores and the total for the PHQ-9", () => {
    const { slug, fields } = exercise("phq-9");
    const answers = Object.fromEntries(
      fields.filter((f) => f.key !== "difficulty").map((f, index) => [f.key, index < 3 ? "2" : "0"]),
    );
    const measurements = extractMeasurements(slug, fields, answers);
    expect(measurements).toContainEqual({ metric: "phq-9.q1_interest", value: 2 });
    expect(measurements).toContainEqual({ metric: "phq-9.q9_self_harm", value: 0 });
    expect(measurements.at(-1)).toEqual({ metric: "phq-9.total", value: 6 });
  });

  it("skips unanswered and malformed answers", () => {
    const { slug, fields } = exercise("weekly-trust-check-in");
    expect(extractMeasurements(slug, fields, { predictability: "6", worry: 12, reliability: 4 })).toEqual([
      { metric: "weekly-trust-check-in.reliability", value: 4 },
    ]);
  });
});

describe("describeMetrics", () => {
  it("describes exactly the metrics a complete submission can produce", () => {
    const checkIn = exercise("weekly-trust-check-in");
    expect(describeMetrics(checkIn).map((m) => [m.metric, m.min, m.max])).toEqual([
      ["weekly-trust-check-in.predictability", 0, 10],
      ["weekly-trust-check-in.reliability", 0, 10],
      ["weekly-trust-check-in.emotional_safety", 0, 10],
      ["weekly-trust-check-in.worry", 0, 10],
      ["weekly-trust-check-in.times_checked", 0, 500],
    ]);
    expect(describeMetrics(exercise("gad-7")).at(-1)).toMatchObject({ metric: "gad-7.total", max: 21 });
  });

  it("uses self-explaining metric keys for every exercise", () => {
    for (const definition of [...builtInExercises, ...standardizedMeasures]) {
      for (const { metric } of describeMetrics(definition)) {
        expect(metric).toMatch(new RegExp(`^${definition.slug}\\.[a-z][a-z0-9_]*(\\.count)?$`));
      }
    }
  });
});
