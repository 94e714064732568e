// What the client page says about an assignment's progress: a one-off says
// when it was done or when it is due (never "0 / 0 done so far"); a
// recurring one counts done / due so far, or says when it starts.
import { describe, expect, it } from "vitest";
import { progressLabel } from "@/lib/assignments/progress-label";

const LONDON = "Europe/London";
const NOW = new Date("2026-12-05T09:30:00Z");
const view = { timeZone: LONDON, now: NOW };

describe("progressLabel", () => {
  it("says when a submitted one-off was done, even before its due date", () => {
    const once = { scheduleType: "ONCE" as const, status: "ACTIVE" as const, dueDate: "2026-12-10", nextDue: "2026-12-10", adherence: { done: 0, due: 0 } };
    expect(progressLabel({ ...once, lastSubmittedAt: new Date("2026-12-03T12:00:00Z") }, view)).toBe("Done 2 days ago");
    expect(progressLabel({ ...once, lastSubmittedAt: new Date("2026-11-20T12:00:00Z") }, view)).toBe("Done 20 Nov");
    expect(progressLabel({ ...once, lastSubmittedAt: new Date("2026-12-05T08:00:00Z") }, view)).toBe("Done today");
  });

  it("says when an open one-off is due, or that it was not done", () => {
    const once = { scheduleType: "ONCE" as const, status: "ACTIVE" as const, lastSubmittedAt: null, nextDue: null };
    expect(progressLabel({ ...once, dueDate: "2026-12-06", adherence: { done: 0, due: 0 } }, view)).toBe("Due tomorrow");
    expect(progressLabel({ ...once, dueDate: "2026-12-20", adherence: { done: 0, due: 0 } }, view)).toBe("Due 20 Dec");
    expect(progressLabel({ ...once, dueDate: "2026-12-01", adherence: { done: 0, due: 1 } }, view)).toBe("Not done (was due 4 days ago)");
    expect(progressLabel({ ...once, status: "ENDED", dueDate: "2026-12-20", adherence: { done: 0, due: 0 } }, view)).toBe("Ended before it was done");
  });

  it("counts a recurring assignment, and says when one that has not started starts", () => {
    const daily = { scheduleType: "DAILY" as const, status: "ACTIVE" as const, dueDate: null, lastSubmittedAt: null };
    expect(progressLabel({ ...daily, nextDue: "2026-12-05", adherence: { done: 3, due: 4 } }, view)).toBe("3 / 4 done so far (75%)");
    expect(progressLabel({ ...daily, nextDue: "2026-12-08", adherence: { done: 0, due: 0 } }, view)).toBe("Starts in 3 days");
    expect(progressLabel({ ...daily, status: "PAUSED", nextDue: null, adherence: { done: 0, due: 0 } }, view)).toBe("Nothing due yet");
  });
});
