import { describe, expect, it } from "vitest";
import { describeMetricsOf, fieldKeyOfMetric } from "@/lib/exercises/measurements";
import type { FieldDefinition } from "@/lib/exercises";

const fields = [
  { type: "scale", key: "closeness", label: "How close?", min: 0, max: 10, minLabel: "Far", maxLabel: "Close", required: true },
  { type: "number", key: "calls", label: "Calls", integer: true, required: true },
  { type: "long_text", key: "notes", label: "Notes", maxLength: 100, privateAllowed: true, required: false },
  // Not possible through the builder today (only long text may be private); a stored field like it must still never reach a therapist's chart.
  { type: "scale", key: "secret", label: "Just for me", min: 0, max: 10, minLabel: "Low", maxLabel: "High", required: true, privateAllowed: true },
] as unknown as FieldDefinition[];

describe("metrics of a stored template version", () => {
  it("describes every numeric field under the version's prefix", () => {
    expect(describeMetricsOf("custom-abc", fields).map((metric) => [metric.metric, metric.source, metric.min, metric.max])).toEqual([
      ["custom-abc.closeness", "scale", 0, 10],
      ["custom-abc.calls", "number", undefined, undefined],
      ["custom-abc.secret", "scale", 0, 10],
    ]);
  });

  it("leaves out any field a client may keep private when asked (the therapist's view)", () => {
    expect(describeMetricsOf("custom-abc", fields, { withoutPrivate: true }).map((metric) => metric.metric)).toEqual(["custom-abc.closeness", "custom-abc.calls"]);
  });

  it("reads the field key back from a metric", () => {
    expect(fieldKeyOfMetric("weekly-trust-check-in.times_checked")).toBe("times_checked");
    expect(fieldKeyOfMetric("signs-of-mistrust-self-check.signs.count")).toBe("signs");
    expect(fieldKeyOfMetric("phq-9.total")).toBe("total");
  });
});
