// The caseload's flag badges say when a safety flag was raised in the one
// date style (lib/dates/display), from the server's clock: the table is a
// client component, and the browser's own "today" could differ from the HTML.
import { describe, expect, it } from "vitest";
import { flagItemsOf } from "@/components/caseload/flag-items";
import type { CaseloadRow } from "@/lib/caseload/types";

const NOW = new Date("2026-12-05T09:30:00Z");

const row: CaseloadRow = {
  clientId: "client-1",
  name: "Sam",
  timeZone: "Europe/London",
  today: "2026-12-05",
  adherence: { due: 0, done: 0, rate: null },
  lastActivityAt: null,
  daysSinceActivity: null,
  trend: null,
  overdueCount: 0,
  flags: { safety: true, declining: false, overdue: 0, silentDays: null },
  safetyFlags: [
    { id: "flag-1", raisedAt: new Date("2026-12-04T21:30:00Z") },
    { id: "flag-2", raisedAt: new Date("2026-11-20T12:33:00Z") },
  ],
  nextDue: null,
  attentionRank: 0,
};

describe("flagItemsOf", () => {
  it("words each safety flag's time relative to the server's now, in the viewer's zone", () => {
    const details = flagItemsOf(row, { timeZone: "Europe/London", now: NOW }).map((item) => item.detail);
    expect(details).toEqual([
      "Answered a safety question as unsafe (yesterday, 21:30).",
      "Answered a safety question as unsafe (20 Nov, 12:33).",
    ]);
    // 21:30 UTC on the 4th is already 06:30 on the 5th in Tokyo.
    expect(flagItemsOf(row, { timeZone: "Asia/Tokyo", now: NOW })[0]!.detail).toBe("Answered a safety question as unsafe (today, 06:30).");
  });

  it("gives the date itself when no server clock is given", () => {
    expect(flagItemsOf(row, { timeZone: "Europe/London", relative: false })[0]!.detail).toBe("Answered a safety question as unsafe (4 Dec, 21:30).");
  });
});
