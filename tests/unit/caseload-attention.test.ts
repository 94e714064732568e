// Which computed flags are open (acknowledgements quiet a flag until its
// condition arises again) and the attention order built on them.
import { describe, expect, it } from "vitest";
import { isAcknowledged, openFlagCount, openFlagsOf, type FlagFacts } from "@/lib/caseload/attention-flags";
import { attentionRankOf, rankByAttention } from "@/lib/caseload/rank-by-attention";
import type { CaseloadFlags } from "@/lib/caseload/types";

const at = (iso: string) => new Date(iso);

const calm: FlagFacts = { openSafetyFlags: 0, decliningSince: null, overdue: { count: 0, since: null }, silence: { days: 1, since: at("2026-03-19T20:00:00Z") } };
const none: CaseloadFlags = { safety: false, declining: false, overdue: 0, silentDays: null };

describe("openFlagsOf", () => {
  it("raises nothing for a client doing their homework", () => {
    expect(openFlagsOf(calm, {})).toEqual(none);
  });

  it("raises overdue from 3 items and silence from 7 days", () => {
    const since = at("2026-03-20T00:00:00Z");
    expect(openFlagsOf({ ...calm, overdue: { count: 2, since } }, {}).overdue).toBe(0);
    expect(openFlagsOf({ ...calm, overdue: { count: 3, since } }, {}).overdue).toBe(3);
    expect(openFlagsOf({ ...calm, silence: { days: 6, since } }, {}).silentDays).toBeNull();
    expect(openFlagsOf({ ...calm, silence: { days: 7, since } }, {}).silentDays).toBe(7);
    expect(openFlagsOf({ ...calm, silence: null }, {}).silentDays).toBeNull();
  });

  it("reports safety while any safety flag is open", () => {
    expect(openFlagsOf({ ...calm, openSafetyFlags: 2 }, {}).safety).toBe(true);
  });

  it("quiets a flag acknowledged after its condition began, and not one acknowledged before", () => {
    const began = at("2026-03-12T20:00:00Z");
    const facts: FlagFacts = {
      ...calm,
      decliningSince: began,
      overdue: { count: 4, since: began },
      silence: { days: 8, since: began },
    };
    const before = at("2026-03-12T19:59:59Z");
    const after = at("2026-03-13T09:00:00Z");

    expect(openFlagsOf(facts, { DECLINING_CHECK_IN: before, OVERDUE: before, SILENT: before })).toEqual({
      safety: false,
      declining: true,
      overdue: 4,
      silentDays: 8,
    });
    expect(openFlagsOf(facts, { DECLINING_CHECK_IN: after, OVERDUE: after, SILENT: after })).toEqual(none);
    // Each kind is acknowledged on its own.
    expect(openFlagsOf(facts, { SILENT: after })).toEqual({ safety: false, declining: true, overdue: 4, silentDays: null });
  });

  it("treats an acknowledgement at the very moment the condition began as covering it", () => {
    const moment = at("2026-03-12T20:00:00Z");
    expect(isAcknowledged(new Date(moment), moment)).toBe(true);
    expect(isAcknowledged(undefined, moment)).toBe(false);
  });
});

describe("openFlagCount", () => {
  it("counts each safety flag and each open computed flag", () => {
    expect(openFlagCount(none, 0)).toBe(0);
    expect(openFlagCount({ safety: true, declining: true, overdue: 3, silentDays: 9 }, 2)).toBe(5);
  });
});

describe("rankByAttention", () => {
  const row = (name: string, flags: Partial<CaseloadFlags> = {}) => ({ name, flags: { ...none, ...flags } });

  it("puts safety first, then declining, then 3+ overdue, then silent, then everyone else", () => {
    const rows = [
      row("Fine"),
      row("Silent", { silentDays: 12 }),
      row("Overdue", { overdue: 5 }),
      row("Declining", { declining: true }),
      row("Safety", { safety: true }),
    ];

    expect(rankByAttention(rows).map((r) => r.name)).toEqual(["Safety", "Declining", "Overdue", "Silent", "Fine"]);
    expect(rows.map((r) => attentionRankOf(r.flags))).toEqual([4, 3, 2, 1, 0]);
  });

  it("lets the most urgent flag decide, then more flags, more overdue, longer silence, then the name", () => {
    const rows = [
      row("Zed", { overdue: 3 }),
      row("Amy", { overdue: 3 }),
      row("Many overdue", { overdue: 9 }),
      row("Overdue and silent", { overdue: 3, silentDays: 7 }),
      row("Long silence", { silentDays: 30 }),
      row("Short silence", { silentDays: 7 }),
      row("Declining and silent", { declining: true, silentDays: 8 }),
    ];

    expect(rankByAttention(rows).map((r) => r.name)).toEqual([
      "Declining and silent",
      "Overdue and silent",
      "Many overdue",
      "Amy",
      "Zed",
      "Long silence",
      "Short silence",
    ]);
  });

  it("returns a sorted copy and leaves the input alone", () => {
    const rows = [row("B"), row("a")];
    expect(rankByAttention(rows).map((r) => r.name)).toEqual(["a", "B"]);
    expect(rows.map((r) => r.name)).toEqual(["B", "a"]);
  });
});
