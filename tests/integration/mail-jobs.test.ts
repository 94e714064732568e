import { describe, expect, it } from "vitest";
import { backgroundJobs } from "@/lib/jobs/registry";
import { backgroundJobsEnabled, guardedRunner } from "@/lib/jobs/scheduler";

describe("background jobs", () => {
  it("registers outbox delivery every 30 s and reminders every few minutes", () => {
    const byName = Object.fromEntries(backgroundJobs.map((job) => [job.name, job.everySeconds]));
    expect(byName["outbox-delivery"]).toBe(30);
    expect(byName["homework-reminders"]).toBeGreaterThanOrEqual(60);
    expect(byName["homework-reminders"]).toBeLessThanOrEqual(600);
  });

  it("never overlaps a run with itself", async () => {
    let release!: () => void;
    let runs = 0;
    const runner = guardedRunner({
      name: "slow",
      everySeconds: 1,
      run: () => {
        runs++;
        return new Promise<void>((resolve) => (release = resolve));
      },
    });
    const first = runner.runOnce();
    expect(await runner.runOnce()).toBe("skipped");
    release();
    expect(await first).toBe("done");
    expect(runs).toBe(1);
    const again = runner.runOnce();
    release();
    expect(await again).toBe("done");
    expect(runs).toBe(2);
  });

  it("turns a failing run into a logged failure, not a thrown error, and runs again next time", async () => {
    let calls = 0;
    const runner = guardedRunner({
      name: "broken",
      everySeconds: 1,
      run: async () => {
        calls++;
        throw new Error("database unavailable");
      },
    });
    expect(await runner.runOnce()).toBe("failed");
    expect(await runner.runOnce()).toBe("failed");
    expect(calls).toBe(2);
  });

  it("runs every registered job once without SMTP (mail stays queued)", async () => {
    for (const job of backgroundJobs) await expect(job.run()).resolves.toBeDefined();
  });

  it("is on unless BACKGROUND_JOBS says off", () => {
    expect(backgroundJobsEnabled(undefined)).toBe(true);
    expect(backgroundJobsEnabled("")).toBe(true);
    expect(backgroundJobsEnabled("on")).toBe(true);
    for (const off of ["off", "OFF", "0", "false", "no"]) expect(backgroundJobsEnabled(off)).toBe(false);
  });
});
