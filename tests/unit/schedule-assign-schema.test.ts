// The assignment form's schema: each schedule asks for what it needs, and
// every problem is reported on the field the therapist has to fix.
import { describe, expect, it } from "vitest";
import { assignSchema } from "@/lib/validations/assignments";

/** Field → messages, the shape forms show next to each field. */
function errors(input: unknown): Record<string, string[]> {
  const result = assignSchema.safeParse(input);
  const byField: Record<string, string[]> = {};
  for (const issue of result.error?.issues ?? []) (byField[issue.path.map(String).join(".")] ??= []).push(issue.message);
  return byField;
}

const base = { templateId: "template-1", clientIds: ["client-1"], startDate: "2026-03-02" };

describe("assignSchema", () => {
  it("accepts each schedule when it is complete", () => {
    expect(assignSchema.parse({ ...base, scheduleType: "ONCE", dueDate: "2026-03-02" })).toMatchObject({ dueDate: "2026-03-02" });
    expect(assignSchema.parse({ ...base, scheduleType: "DAILY", endDate: "2026-03-09" })).toMatchObject({ endDate: "2026-03-09" });
    expect(assignSchema.parse({ ...base, scheduleType: "WEEKLY", weekdays: ["1", "4"] })).toMatchObject({ weekdays: [1, 4] });
    expect(assignSchema.parse({ ...base, scheduleType: "DAILY_FOR_N_DAYS", dayCount: "30" })).toMatchObject({ dayCount: 30 });
    expect(assignSchema.parse({ ...base, scheduleType: "DAILY_FOR_N_DAYS", dayCount: 365 })).toMatchObject({ dayCount: 365 });
    expect(assignSchema.parse({ ...base, scheduleType: "DAILY_FOR_N_DAYS", dayCount: 1 })).toMatchObject({ dayCount: 1 });
  });

  it("asks for a due date on a one-off item", () => {
    expect(errors({ ...base, scheduleType: "ONCE" })).toEqual({ dueDate: ["Choose a due date."] });
    expect(errors({ ...base, scheduleType: "ONCE", dueDate: "" })).toEqual({ dueDate: ["Choose a due date."] });
  });

  it("refuses a due date before the start date", () => {
    expect(errors({ ...base, scheduleType: "ONCE", dueDate: "2026-03-01" })).toEqual({
      dueDate: ["The due date can’t be before the start date."],
    });
  });

  it("refuses an impossible calendar date", () => {
    expect(errors({ ...base, scheduleType: "ONCE", dueDate: "2026-02-30" })).toHaveProperty("dueDate");
    expect(errors({ ...base, scheduleType: "DAILY", startDate: "2026-13-01" })).toHaveProperty("startDate");
  });

  it("asks for at least one weekday on a weekly schedule", () => {
    expect(errors({ ...base, scheduleType: "WEEKLY" })).toEqual({ weekdays: ["Choose at least one day of the week."] });
    expect(errors({ ...base, scheduleType: "WEEKLY", weekdays: [] })).toEqual({ weekdays: ["Choose at least one day of the week."] });
    expect(errors({ ...base, scheduleType: "WEEKLY", weekdays: [7] })).toHaveProperty("weekdays.0");
  });

  it.each([
    [0, "Choose a whole number of days from 1 to 365."],
    [366, "Choose a whole number of days from 1 to 365."],
    [2.5, "Choose a whole number of days from 1 to 365."],
    ["2.5", "Choose a whole number of days from 1 to 365."],
    [-3, "Choose a whole number of days from 1 to 365."],
  ])("refuses N = %s for every-day-for-N-days", (dayCount, message) => {
    expect(errors({ ...base, scheduleType: "DAILY_FOR_N_DAYS", dayCount })).toEqual({ dayCount: [message] });
  });

  it("asks for N when it is missing", () => {
    expect(errors({ ...base, scheduleType: "DAILY_FOR_N_DAYS" })).toEqual({ dayCount: ["Enter for how many days."] });
    expect(errors({ ...base, scheduleType: "DAILY_FOR_N_DAYS", dayCount: "" })).toEqual({ dayCount: ["Enter for how many days."] });
  });

  it("refuses an end date before the start date", () => {
    expect(errors({ ...base, scheduleType: "DAILY", endDate: "2026-03-01" })).toEqual({
      endDate: ["The end date can’t be before the start date."],
    });
    expect(errors({ ...base, scheduleType: "WEEKLY", weekdays: [1], endDate: "2026-02-01" })).toEqual({
      endDate: ["The end date can’t be before the start date."],
    });
    // Same day is fine.
    expect(assignSchema.safeParse({ ...base, scheduleType: "DAILY", endDate: "2026-03-02" }).success).toBe(true);
  });

  it("asks for a template, clients, a schedule type and a start date", () => {
    const result = errors({ clientIds: [], startDate: "" });

    expect(Object.keys(result).sort()).toEqual(["clientIds", "scheduleType", "startDate", "templateId"]);
  });
});
