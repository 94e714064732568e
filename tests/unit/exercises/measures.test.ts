import { describe, expect, it } from "vitest";
import { gad7, phq9, scoreGad7, scorePhq9, standardizedMeasures } from "@/lib/exercises/measures";
import type { ExerciseDefinition } from "@/lib/exercises/types";

const STEM_PHQ = "Over the last 2 weeks, how often have you been bothered by any of the following problems?";

function itemKeys(definition: ExerciseDefinition): string[] {
  return definition.fields.filter((f) => f.key !== "difficulty").map((f) => f.key);
}

/** Answers adding up to `total`, spread as evenly as possible over the items. */
function answersWithTotal(definition: ExerciseDefinition, total: number): Record<string, string> {
  const keys = itemKeys(definition);
  const answers: Record<string, string> = {};
  keys.forEach((key, index) => {
    const base = Math.floor(total / keys.length);
    const extra = index < total % keys.length ? 1 : 0;
    answers[key] = String(base + extra);
  });
  return answers;
}

describe("PHQ-9", () => {
  it("uses the published stem, items and answer options", () => {
    expect(phq9.instructions).toBe(STEM_PHQ);
    expect(itemKeys(phq9)).toHaveLength(9);
    const first = phq9.fields[0];
    expect(first?.type === "single_choice" && first.options.map((o) => [o.value, o.label])).toEqual([
      ["0", "Not at all"],
      ["1", "Several days"],
      ["2", "More than half the days"],
      ["3", "Nearly every day"],
    ]);
    expect(phq9.fields[8]?.label).toBe(
      "Thoughts that you would be better off dead or of hurting yourself in some way",
    );
    expect(phq9.fields[0]?.label).toBe("Little interest or pleasure in doing things");
  });

  it.each([
    [0, "minimal"],
    [4, "minimal"],
    [5, "mild"],
    [9, "mild"],
    [10, "moderate"],
    [14, "moderate"],
    [15, "moderately_severe"],
    [19, "moderately_severe"],
    [20, "severe"],
    [27, "severe"],
  ] as const)("scores a total of %i as %s", (total, band) => {
    expect(scorePhq9(answersWithTotal(phq9, total))).toEqual({ total, band });
  });

  it("gives no total until all nine items are answered", () => {
    const answers = answersWithTotal(phq9, 12);
    delete answers.q5_appetite;
    expect(scorePhq9(answers)).toBeNull();
    expect(scorePhq9({ ...answers, q5_appetite: "4" })).toBeNull();
  });

  it("ignores the unscored difficulty question", () => {
    expect(scorePhq9({ ...answersWithTotal(phq9, 3), difficulty: "very_difficult" })).toEqual({
      total: 3,
      band: "minimal",
    });
  });
});

describe("GAD-7", () => {
  it("uses the published items", () => {
    expect(itemKeys(gad7)).toHaveLength(7);
    expect(gad7.fields[0]?.label).toBe("Feeling nervous, anxious, or on edge");
    expect(gad7.instructions).toMatch(/^Over the last 2 weeks, how often have you been bothered/);
  });

  it.each([
    [0, "minimal"],
    [4, "minimal"],
    [5, "mild"],
    [9, "mild"],
    [10, "moderate"],
    [14, "moderate"],
    [15, "severe"],
    [21, "severe"],
  ] as const)("scores a total of %i as %s", (total, band) => {
    expect(scoreGad7(answersWithTotal(gad7, total))).toEqual({ total, band });
  });

  it("gives no total for an incomplete questionnaire", () => {
    expect(scoreGad7({ q1_nervous: "3" })).toBeNull();
  });
});

it("exports both instruments as standardized measures", () => {
  expect(standardizedMeasures.map((m) => m.slug)).toEqual(["phq-9", "gad-7"]);
});
