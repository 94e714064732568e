import { describe, expect, it } from "vitest";
import { getBuiltInExercise } from "@/lib/exercises/catalogue";
import { templateFieldsSchema } from "@/lib/exercises/fields";
import { PHQ9_SAFETY_ITEM_KEY, phq9 } from "@/lib/exercises/measures";
import { findSafetyConcerns } from "@/lib/exercises/safety";

const safetyCheck = getBuiltInExercise("relationship-safety-check");
if (!safetyCheck) throw new Error("missing relationship-safety-check");

describe("findSafetyConcerns", () => {
  it("flags a client who feels afraid of or unsafe with their partner", () => {
    expect(findSafetyConcerns(safetyCheck.fields, { afraid_or_unsafe: "yes" })).toEqual(["afraid_or_unsafe"]);
    expect(findSafetyConcerns(safetyCheck.fields, { afraid_or_unsafe: "partly" })).toEqual(["afraid_or_unsafe"]);
  });

  it("does not flag 'no' or an unanswered question", () => {
    expect(findSafetyConcerns(safetyCheck.fields, { afraid_or_unsafe: "no", safe_over_time: "no" })).toEqual([]);
    expect(findSafetyConcerns(safetyCheck.fields, {})).toEqual([]);
  });

  it("flags PHQ-9 item 9 for any answer above 'Not at all'", () => {
    expect(findSafetyConcerns(phq9.fields, { [PHQ9_SAFETY_ITEM_KEY]: "0" })).toEqual([]);
    for (const answer of ["1", "2", "3"]) {
      expect(findSafetyConcerns(phq9.fields, { [PHQ9_SAFETY_ITEM_KEY]: answer })).toEqual([PHQ9_SAFETY_ITEM_KEY]);
    }
    // Other items never trigger, however high.
    expect(findSafetyConcerns(phq9.fields, { q2_feeling_down: "3" })).toEqual([]);
  });

  it("handles numeric thresholds and checklists on custom templates", () => {
    const fields = templateFieldsSchema.parse([
      { key: "despair", type: "scale", label: "Despair", minLabel: "None", maxLabel: "Total", safety: { whenAtLeast: 8 } },
      {
        key: "events",
        type: "multi_choice",
        label: "This week",
        options: [
          { value: "argued", label: "We argued" },
          { value: "threatened", label: "I was threatened" },
        ],
        safety: { whenAnswerIn: ["threatened"] },
      },
    ]);
    expect(findSafetyConcerns(fields, { despair: 7, events: ["argued"] })).toEqual([]);
    expect(findSafetyConcerns(fields, { despair: 8, events: ["argued", "threatened"] })).toEqual([
      "despair",
      "events",
    ]);
    // Malformed stored answers are ignored rather than crashing the check.
    expect(findSafetyConcerns(fields, { despair: "9", events: "threatened" })).toEqual(["events"]);
  });
});
