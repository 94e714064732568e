// Which exercises get a chart per question: everything for the clinician; for
// the client, not the items of a questionnaire (PHQ-9 item 9 is about self-harm).
import { describe, expect, it } from "vitest";
import { showsItemCharts } from "@/components/progress/item-charts";

describe("showsItemCharts", () => {
  it("keeps questionnaire items from the client and shows everything else", () => {
    expect(showsItemCharts("phq-9", "client")).toBe(false);
    expect(showsItemCharts("gad-7", "client")).toBe(false);
    expect(showsItemCharts("phq-9", "therapist")).toBe(true);
    expect(showsItemCharts("check-in", "client")).toBe(true);
    expect(showsItemCharts(null, "client")).toBe(true);
  });
});
