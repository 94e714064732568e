import { describe, expect, it } from "vitest";
import { cachedRow, rememberRow, rowKeyOf, type CachedRow, type RowKeyParts } from "@/lib/caseload/row-cache";

const parts: RowKeyParts = {
  scope: { practiceId: "p1", therapistId: "t1" },
  version: 4,
  today: "2026-03-20",
  utcToday: "2026-03-20",
  displayName: "Ana Lima",
  timeZone: "Europe/Lisbon",
  joinedAt: new Date("2026-01-05T09:00:00Z"),
  lastSubmittedAt: null,
};
const value = { row: { clientId: "c1" }, openFlags: 0 } as unknown as CachedRow;

describe("row cache", () => {
  it("gives back a row only for the same key", () => {
    rememberRow("c1", rowKeyOf(parts), value);

    expect(cachedRow("c1", rowKeyOf(parts))).toBe(value);
    expect(cachedRow("c2", rowKeyOf(parts))).toBeUndefined();
  });

  it("changes the key with anything the row depends on, the caller's scope included", () => {
    const variants: Partial<RowKeyParts>[] = [
      { scope: { practiceId: "p1", therapistId: "t2" } },
      { scope: { practiceId: "p2", therapistId: "t1" } },
      { version: 5 },
      { today: "2026-03-21" },
      { utcToday: "2026-03-21" },
      { displayName: "Ana Lima Souza" },
      { timeZone: "Europe/London" },
      { joinedAt: new Date("2026-01-06T09:00:00Z") },
      { lastSubmittedAt: new Date("2026-03-19T20:00:00Z") },
    ];
    const keys = new Set([rowKeyOf(parts), ...variants.map((variant) => rowKeyOf({ ...parts, ...variant }))]);
    expect(keys.size).toBe(variants.length + 1);
  });
});
