// The printed report's open safety flags: the clinician's own client only,
// unacknowledged only, each with the question that raised it and the answer.
import { describe, expect, it } from "vitest";
import { instantOf } from "@/lib/dates/local-date";
import { db } from "@/lib/db";
import { listReportFlags } from "@/lib/exports/report-flags";
import { submitEntry } from "@/lib/homework/submit-entry";
import { acknowledgeSafetyFlag } from "@/lib/safety/acknowledge-flag";
import { assignBuiltIn, createClientIn, safetyCheckAnswers } from "@/tests/support/homework-fixtures";
import { createTherapist } from "@/tests/support/integration-fixtures";

const ZONE = "Europe/London";
const START = "2026-03-02";
const TODAY = "2026-03-12";
const NOW = instantOf(TODAY, "14:00", ZONE);
const QUESTION = "Do you feel afraid of, or unsafe with, your partner?";

async function flaggedClient() {
  const therapist = await createTherapist();
  const client = await createClientIn(therapist.scope, ZONE, "Robin Flagged");
  const assignmentId = await assignBuiltIn(therapist.scope, "relationship-safety-check", client.clientId, { scheduleType: "ONCE", startDate: START, dueDate: TODAY }, instantOf(START, "09:00", ZONE));
  await submitEntry(client.scope, { assignmentId, entryKey: TODAY, privateKeys: [], answers: safetyCheckAnswers("partly"), baseVersion: 0 }, NOW);
  return { therapist, client };
}

describe("listReportFlags", () => {
  it("lists an open flag with its date, exercise, question and answer", async () => {
    const { therapist, client } = await flaggedClient();
    const flags = await listReportFlags(therapist.scope, client.clientId);
    expect(flags).toEqual([
      { id: expect.any(String), raisedAt: expect.any(Date), exercise: "Is this relationship safe for me?", questions: [{ label: QUESTION, answer: "Partly" }] },
    ]);
  });

  it("leaves out acknowledged flags", async () => {
    const { therapist, client } = await flaggedClient();
    const [flag] = await listReportFlags(therapist.scope, client.clientId);
    await acknowledgeSafetyFlag(therapist.scope, { flagId: flag!.id, note: null }, NOW);
    expect(await listReportFlags(therapist.scope, client.clientId)).toEqual([]);
  });

  it("shows another therapist nothing, even with the client's id", async () => {
    const { client } = await flaggedClient();
    const other = await createTherapist();
    expect(await listReportFlags(other.scope, client.clientId)).toEqual([]);
    // Same practice id but not the client's clinician: still nothing.
    const samePractice = { ...other.scope, practiceId: (await db.client.findUniqueOrThrow({ where: { id: client.clientId } })).practiceId };
    expect(await listReportFlags(samePractice, client.clientId)).toEqual([]);
  });
});
