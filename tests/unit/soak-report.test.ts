// The soak's accounting (npm run soak): reading an action's return value out
// of a Flight reply, per-phase figures, and the lost / duplicate check.
import { describe, expect, it } from "vitest";
import { actionResult } from "@/soak/action-reply";
import { Acknowledged, checkIntegrity, phaseFigures, type Phase, type Sample, type StoredEntry } from "@/soak/report";

describe("actionResult", () => {
  it("follows row 0's reference to the value, skipping text rows by their byte length", () => {
    const text = "line one\nlïne two";
    const reply = `0:{"a":"$@2","f":"","b":"build"}\n1:T${Buffer.byteLength(text).toString(16)},${text}2:{"ok":true,"version":7}\n`;
    expect(actionResult(Buffer.from(reply))).toEqual({ ok: true, version: 7 });
  });

  it("refuses a reply without a return value", () => {
    expect(() => actionResult(Buffer.from('0:{"f":""}\n'))).toThrow(/no return value/);
  });
});

const sample = (overrides: Partial<Sample>): Sample => ({
  client: 0,
  phase: 1,
  kind: "save",
  via: "action",
  started: 0,
  ended: 100,
  ms: 100,
  acked: true,
  error: null,
  ...overrides,
});

describe("phaseFigures", () => {
  const phase: Phase = { index: 1, name: "fault", clients: 2, start: 0, end: 10_000, faultEnd: 4_000 };

  it("counts only the phase's own requests, latency over acknowledged saves, errors by kind", () => {
    const figures = phaseFigures(phase, [
      sample({ ms: 10 }),
      sample({ ms: 30 }),
      sample({ ms: 6_000, ended: 6_000, error: "timeout" }),
      sample({ ms: 50, acked: false, error: "503" }),
      sample({ kind: "submit", ms: 70, acked: false, error: "other" }),
      sample({ phase: 2, ms: 99_999 }),
    ]);
    expect(figures.requests).toBe(5);
    expect(figures.perSecond).toBeCloseTo(0.5);
    expect(figures.saves).toBe(4);
    expect(figures.p50).toBe(30);
    expect(figures.errors).toEqual({ timeout: 1, "503": 1, other: 1 });
    expect(figures.longest).toBe(6_000);
  });

  it("measures recovery from the fault's end to the first acknowledged save, and until every client had one", () => {
    const figures = phaseFigures(phase, [
      sample({ client: 0, ended: 3_000 }),
      sample({ client: 0, started: 3_500, ended: 4_500, acked: false, error: "503" }),
      sample({ client: 0, started: 4_400, ended: 4_700 }),
      sample({ client: 1, started: 3_000, ended: 5_500 }),
      sample({ client: 1, started: 5_600, ended: 5_900 }),
    ]);
    expect(figures.recoverFirst).toBeCloseTo(0.7);
    expect(figures.recoverAll).toBeCloseTo(1.5);
    expect(figures.notRecovered).toBe(0);
  });

  it("says so when a client never recovered", () => {
    const figures = phaseFigures(phase, [sample({ client: 0, ended: 4_100 }), sample({ client: 1, ended: 4_200, acked: false, error: "timeout" })]);
    expect(figures.recoverAll).toBeNull();
    expect(figures.notRecovered).toBe(1);
  });
});

describe("checkIntegrity", () => {
  const row = (overrides: Partial<StoredEntry>): StoredEntry => ({ assignmentId: "a1", entryKey: "2026-12-05", id: "s1", status: "DRAFT", text: "", rows: 1, ...overrides });

  it("finds nothing lost when the stored text contains the newest acknowledged version", () => {
    const acks = new Acknowledged();
    acks.draft("a1", "2026-12-05", "we talked", 1);
    acks.draft("a1", "2026-12-05", "we talked after dinner", 2);
    // A late answer for an older version does not lower the bar.
    acks.draft("a1", "2026-12-05", "we", 1);
    expect(checkIntegrity(acks, [row({ text: "we talked after dinner and" })])).toEqual({ entries: 1, lost: [], duplicates: [] });
  });

  it("counts an acknowledged save whose text is not stored, and an entry that is missing", () => {
    const acks = new Acknowledged();
    acks.draft("a1", "2026-12-05", "we talked after dinner", 2);
    acks.draft("a1", "2026-12-04", "kept calm", 1);
    const result = checkIntegrity(acks, [row({ text: "we talked" })]);
    expect(result.lost).toHaveLength(2);
    expect(result.lost.join("\n")).toMatch(/version 2/);
    expect(result.lost.join("\n")).toMatch(/not in the database/);
  });

  it("wants every acknowledged submission stored once, submitted, with its text and id", () => {
    const acks = new Acknowledged();
    acks.submission("a1", "2026-12-05", "done", "s1");
    acks.submission("a1", "2026-12-05", "done", "s1");
    expect(checkIntegrity(acks, [row({ status: "SUBMITTED", text: "done" })])).toEqual({ entries: 1, lost: [], duplicates: [] });
    expect(checkIntegrity(acks, [row({ status: "DRAFT", text: "done" })]).lost).toHaveLength(1);
    expect(checkIntegrity(acks, [row({ status: "SUBMITTED", text: "done", id: "s2" })]).lost).toHaveLength(1);

    acks.submission("a1", "2026-12-05", "done", "s9");
    expect(checkIntegrity(acks, [row({ status: "SUBMITTED", text: "done" })]).duplicates).toHaveLength(1);
  });

  it("counts an entry with more than one row, and duplicates found elsewhere", () => {
    const result = checkIntegrity(new Acknowledged(), [row({ rows: 2 })], ["submission s1: 2 measurements x"]);
    expect(result.duplicates).toHaveLength(2);
  });
});
