// A one-off submitted before its due day: the client page said "0 / 0 done
// so far". listClientAssignments now carries when it was submitted, and the
// line says "Done …".
import { describe, expect, it } from "vitest";
import { listClientAssignments } from "@/lib/assignments/list-client-assignments";
import { progressLabel } from "@/lib/assignments/progress-label";
import { instantOf } from "@/lib/dates/local-date";
import { submitEntry } from "@/lib/homework/submit-entry";
import { createTherapist } from "@/tests/support/integration-fixtures";
import { assignBuiltIn, createClientIn, microPromiseAnswers } from "@/tests/support/homework-fixtures";

const NY = "America/New_York";

describe("a submitted one-off on the client page", () => {
  it("is done on the day it was submitted, not 0 / 0", async () => {
    const therapist = (await createTherapist()).scope;
    const client = await createClientIn(therapist, NY);
    const assigned = new Date("2026-03-02T15:00:00Z");
    const assignmentId = await assignBuiltIn(
      therapist,
      "micro-promises",
      client.clientId,
      { scheduleType: "ONCE", startDate: "2026-03-02", dueDate: "2026-03-09" },
      assigned,
    );
    const submittedAt = instantOf("2026-03-03", "20:00", NY);
    await submitEntry(client.scope, { assignmentId, entryKey: "2026-03-09", answers: microPromiseAnswers(), privateKeys: [], baseVersion: 0 }, submittedAt);

    const now = new Date("2026-03-04T15:00:00Z");
    const [row] = await listClientAssignments(therapist, client.clientId, now);
    expect(row).toMatchObject({ scheduleType: "ONCE", dueDate: "2026-03-09", adherence: { done: 0, due: 0 } });
    expect(row!.lastSubmittedAt).toEqual(submittedAt);
    expect(progressLabel(row!, { timeZone: NY, now })).toBe("Done yesterday");
    expect(progressLabel(row!, { timeZone: NY, now: new Date("2026-04-01T12:00:00Z") })).toBe("Done 3 Mar");
  });
});
