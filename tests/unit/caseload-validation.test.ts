// The acknowledge form's schema and the dashboard's ?q= parsing.
import { describe, expect, it } from "vitest";
import { acknowledgeCaseloadFlagSchema, caseloadSearchSchema } from "@/lib/validations/caseload";

function fieldErrors(input: unknown): Record<string, string[]> {
  const result = acknowledgeCaseloadFlagSchema.safeParse(input);
  const byField: Record<string, string[]> = {};
  for (const issue of result.error?.issues ?? []) (byField[issue.path.map(String).join(".")] ??= []).push(issue.message);
  return byField;
}

describe("acknowledgeCaseloadFlagSchema", () => {
  it("takes a safety flag by id and a computed flag by client, each with a trimmed note", () => {
    expect(acknowledgeCaseloadFlagSchema.parse({ kind: "SAFETY", flagId: "f1", note: "  Called her.  " })).toEqual({
      kind: "SAFETY",
      flagId: "f1",
      note: "Called her.",
    });
    expect(acknowledgeCaseloadFlagSchema.parse({ kind: "SILENT", clientId: "c1", note: "Away this week", flagId: "ignored" })).toEqual({
      kind: "SILENT",
      clientId: "c1",
      note: "Away this week",
    });
  });

  it("asks for a note next to the note field", () => {
    const message = ["Write a short note: what you did or decided."];
    expect(fieldErrors({ kind: "OVERDUE", clientId: "c1", note: "   " })).toEqual({ note: message });
    expect(fieldErrors({ kind: "OVERDUE", clientId: "c1" })).toEqual({ note: message });
    expect(fieldErrors({ kind: "OVERDUE", clientId: "c1", note: "x".repeat(2001) })).toEqual({ note: ["Keep the note under 2,000 characters."] });
  });

  it("refuses an unknown kind or a missing id", () => {
    expect(fieldErrors({ kind: "EVERYTHING", clientId: "c1", note: "n" })).toHaveProperty("kind");
    expect(fieldErrors({ kind: "SAFETY", clientId: "c1", note: "n" })).toHaveProperty("flagId");
    expect(fieldErrors({ kind: "DECLINING_CHECK_IN", note: "n" })).toHaveProperty("clientId");
  });
});

describe("caseloadSearchSchema", () => {
  it("trims the search, shortens a very long one and ignores anything that is not one string", () => {
    expect(caseloadSearchSchema.parse({ q: "  Sam " })).toEqual({ q: "Sam", page: 1 });
    expect(caseloadSearchSchema.parse({}).q).toBe("");
    expect(caseloadSearchSchema.parse({ q: ["a", "b"] }).q).toBe("");
    expect(caseloadSearchSchema.parse({ q: "x".repeat(500) }).q).toHaveLength(100);
  });

  it("reads the page as a whole number from 1, and anything else as the first page", () => {
    expect(caseloadSearchSchema.parse({ page: "3" }).page).toBe(3);
    for (const page of ["0", "-2", "1.5", "two", ["2", "3"], "1e9"]) {
      expect(caseloadSearchSchema.parse({ page }).page, String(page)).toBe(1);
    }
  });
});
