// Assigning homework: one assignment per chosen client with the newest
// template version, dates checked in each client's own calendar, only the
// caller's own clients and visible templates, and status changes that keep
// every submission.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { changeAssignmentStatus } from "@/lib/assignments/change-assignment";
import { listClientAssignments } from "@/lib/assignments/list-client-assignments";
import { archiveClient } from "@/lib/clients/archive-client";
import type { TherapistScope } from "@/lib/clients/scope";
import { db } from "@/lib/db";
import { fromDbDate, instantOf } from "@/lib/dates/local-date";
import { startLogEntry } from "@/lib/homework/start-log-entry";
import { submitEntry } from "@/lib/homework/submit-entry";
import { createCustomTemplate, updateCustomTemplate } from "@/lib/templates/save-template";
import type { TemplateInput } from "@/lib/validations/templates";
import { createTherapist } from "@/tests/support/integration-fixtures";
import {
  assign,
  assignBuiltIn,
  createClientIn,
  microPromiseAnswers,
  rejection,
  templateIdOf,
  triggerLogAnswers,
} from "@/tests/support/homework-fixtures";

const NY = "America/New_York";
const TOKYO = "Asia/Tokyo";

// 16:00 UTC on 10 March: 12:00 in New York and 16:00 in London (the
// therapist's zone), but already 01:00 on 11 March in Tokyo.
const TUESDAY_AFTERNOON = new Date("2026-03-10T16:00:00Z");

function customTemplate(title: string): TemplateInput {
  return {
    title,
    purpose: "A short look back at the day.",
    kind: "journal",
    estimatedMinutes: 5,
    allowsMultiplePerDay: false,
    fields: [{ type: "scale", key: "closeness", label: "How close did you feel today?", minLabel: "Distant", maxLabel: "Very close" }],
  };
}

async function assignmentsOf(clientId: string) {
  return db.assignment.findMany({ where: { clientId }, orderBy: { createdAt: "asc" } });
}

let therapist: TherapistScope;
let otherTherapist: TherapistScope;

beforeAll(async () => {
  therapist = (await createTherapist()).scope;
  otherTherapist = (await createTherapist()).scope;
});

describe("createAssignments", () => {
  it("gives each chosen client one assignment with the template's newest version", async () => {
    const template = await createCustomTemplate(therapist, customTemplate(`Closeness ${randomUUID()}`));
    // Once version 1 is assigned, an edit becomes version 2.
    const earlier = await createClientIn(therapist, NY);
    const [v1Assignment] = await assign(
      therapist,
      { templateId: template.templateId, clientIds: [earlier.clientId], scheduleType: "DAILY", startDate: "2026-03-01" },
      new Date("2026-03-01T12:00:00Z"),
    );
    const edited = await updateCustomTemplate(therapist, template.templateId, customTemplate(`Closeness edited ${randomUUID()}`));
    expect(edited).toMatchObject({ version: 2, newVersion: true });
    const versions = await db.templateVersion.findMany({ where: { templateId: template.templateId }, orderBy: { version: "asc" } });
    expect(versions.map((version) => version.version)).toEqual([1, 2]);

    const ny = await createClientIn(therapist, NY);
    const tokyo = await createClientIn(therapist, TOKYO);
    const london = await createClientIn(therapist, "Europe/London");
    const clientIds = [ny.clientId, tokyo.clientId, london.clientId];

    const ids = await assign(
      therapist,
      {
        templateId: template.templateId,
        // A duplicate id must not create a second assignment.
        clientIds: [...clientIds, ny.clientId],
        scheduleType: "DAILY_FOR_N_DAYS",
        dayCount: 30,
        startDate: "2026-03-10",
        note: "  Just a minute each evening.  ",
      },
      TUESDAY_AFTERNOON,
    );

    const rows = await db.assignment.findMany({ where: { templateId: template.templateId, clientId: { in: clientIds } } });
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((row) => row.id))).toEqual(new Set(ids));
    expect(rows.map((row) => row.clientId).sort()).toEqual([...clientIds].sort());
    for (const row of rows) {
      expect(row.templateVersionId).toBe(versions[1]!.id);
      expect(row).toMatchObject({
        therapistId: therapist.therapistId,
        practiceId: therapist.practiceId,
        status: "ACTIVE",
        scheduleType: "DAILY_FOR_N_DAYS",
        dayCount: 30,
        note: "Just a minute each evening.",
        dueDate: null,
        endDate: null,
      });
    }
    // The 10th has already passed in Tokyo: that client starts on their today.
    const startOf = (clientId: string) => fromDbDate(rows.find((row) => row.clientId === clientId)!.startDate);
    expect(startOf(ny.clientId)).toBe("2026-03-10");
    expect(startOf(london.clientId)).toBe("2026-03-10");
    expect(startOf(tokyo.clientId)).toBe("2026-03-11");
    // The earlier assignment keeps the questions it was given with.
    expect((await db.assignment.findUniqueOrThrow({ where: { id: v1Assignment! } })).templateVersionId).toBe(versions[0]!.id);
  });

  it("refuses a due date that has already passed in a client's own zone (Tokyo a day ahead)", async () => {
    const ny = await createClientIn(therapist, NY, "Nora York");
    const tokyo = await createClientIn(therapist, TOKYO, "Taro Tokyo");
    const templateId = await templateIdOf("roots-of-mistrust");
    const once = { templateId, scheduleType: "ONCE" as const, startDate: "2026-03-10", dueDate: "2026-03-10" };

    const error = await rejection(assign(therapist, { ...once, clientIds: [ny.clientId, tokyo.clientId] }, TUESDAY_AFTERNOON));

    expect(error.kind).toBe("invalid");
    expect(Object.keys(error.fieldErrors)).toEqual(["dueDate"]);
    expect(error.fieldErrors.dueDate?.[0]).toContain("Taro Tokyo");
    expect(error.fieldErrors.dueDate?.[0]).toContain("2026-03-11");
    expect(error.fieldErrors.dueDate?.[0]).toContain("Asia/Tokyo");
    // All or nothing: the New York client did not get it either.
    expect(await assignmentsOf(ny.clientId)).toHaveLength(0);
    expect(await assignmentsOf(tokyo.clientId)).toHaveLength(0);

    // The same date is still today in New York, and the 11th is today in Tokyo.
    await assign(therapist, { ...once, clientIds: [ny.clientId] }, TUESDAY_AFTERNOON);
    await assign(therapist, { ...once, dueDate: "2026-03-11", clientIds: [tokyo.clientId] }, TUESDAY_AFTERNOON);
    const [nyRow] = await assignmentsOf(ny.clientId);
    const [tokyoRow] = await assignmentsOf(tokyo.clientId);
    expect([fromDbDate(nyRow!.startDate), fromDbDate(nyRow!.dueDate!)]).toEqual(["2026-03-10", "2026-03-10"]);
    expect([fromDbDate(tokyoRow!.startDate), fromDbDate(tokyoRow!.dueDate!)]).toEqual(["2026-03-11", "2026-03-11"]);
  });

  it("refuses an end date that has already passed in a client's zone", async () => {
    const tokyo = await createClientIn(therapist, TOKYO);

    const error = await rejection(
      assign(
        therapist,
        { templateId: await templateIdOf("trigger-log"), clientIds: [tokyo.clientId], scheduleType: "DAILY", startDate: "2026-03-09", endDate: "2026-03-10" },
        TUESDAY_AFTERNOON,
      ),
    );

    expect(error.kind).toBe("invalid");
    expect(Object.keys(error.fieldErrors)).toEqual(["endDate"]);
    expect(await assignmentsOf(tokyo.clientId)).toHaveLength(0);
  });

  it("treats another therapist's client as not found and assigns nobody", async () => {
    const own = await createClientIn(therapist, NY);
    const theirs = await createClientIn(otherTherapist, NY);

    const error = await rejection(
      assign(
        therapist,
        { templateId: await templateIdOf("trigger-log"), clientIds: [own.clientId, theirs.clientId], scheduleType: "DAILY", startDate: "2026-03-10" },
        TUESDAY_AFTERNOON,
      ),
    );

    expect(error.kind).toBe("not_found");
    expect(await assignmentsOf(own.clientId)).toHaveLength(0);
    expect(await assignmentsOf(theirs.clientId)).toHaveLength(0);
  });

  it("refuses an archived client with an error on clientIds", async () => {
    const client = await createClientIn(therapist, NY, "Archie Ved");
    await archiveClient(therapist, client.clientId);

    const error = await rejection(
      assign(
        therapist,
        { templateId: await templateIdOf("trigger-log"), clientIds: [client.clientId], scheduleType: "DAILY", startDate: "2026-03-10" },
        TUESDAY_AFTERNOON,
      ),
    );

    expect(error.kind).toBe("invalid");
    expect(error.fieldErrors.clientIds?.[0]).toContain("Archie Ved");
    expect(await assignmentsOf(client.clientId)).toHaveLength(0);
  });

  it("refuses another practice's template with an error on templateId", async () => {
    const client = await createClientIn(therapist, NY);
    const foreign = await createCustomTemplate(otherTherapist, customTemplate(`Foreign ${randomUUID()}`));

    const error = await rejection(
      assign(therapist, { templateId: foreign.templateId, clientIds: [client.clientId], scheduleType: "DAILY", startDate: "2026-03-10" }, TUESDAY_AFTERNOON),
    );

    expect(error.kind).toBe("invalid");
    expect(Object.keys(error.fieldErrors)).toEqual(["templateId"]);
    expect(await assignmentsOf(client.clientId)).toHaveLength(0);
  });
});

describe("changeAssignmentStatus", () => {
  it("pauses, resumes and ends; ending keeps every submission", async () => {
    const client = await createClientIn(therapist, NY);
    const assignmentId = await assignBuiltIn(
      therapist,
      "micro-promises",
      client.clientId,
      { scheduleType: "DAILY_FOR_N_DAYS", dayCount: 30, startDate: "2026-03-02" },
      new Date("2026-03-02T14:00:00Z"),
    );
    for (const day of ["2026-03-02", "2026-03-03"]) {
      await submitEntry(
        client.scope,
        { assignmentId, entryKey: day, answers: microPromiseAnswers(), privateKeys: [], baseVersion: 0 },
        instantOf(day, "21:00", NY),
      );
    }
    const status = async () => (await db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).status;

    const pausedAt = new Date("2026-03-04T15:00:00Z");
    await changeAssignmentStatus(therapist, assignmentId, "pause", pausedAt);
    expect(await status()).toBe("PAUSED");
    expect((await db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).pausedAt).toEqual(pausedAt);
    expect((await rejection(changeAssignmentStatus(therapist, assignmentId, "pause"))).kind).toBe("not_found");

    await changeAssignmentStatus(therapist, assignmentId, "resume", new Date("2026-03-05T15:00:00Z"));
    expect(await status()).toBe("ACTIVE");
    expect((await db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).pausedAt).toBeNull();
    expect((await rejection(changeAssignmentStatus(therapist, assignmentId, "resume"))).kind).toBe("not_found");

    // Another therapist cannot touch it.
    expect((await rejection(changeAssignmentStatus(otherTherapist, assignmentId, "end"))).kind).toBe("not_found");
    expect(await status()).toBe("ACTIVE");

    const endedAt = new Date("2026-03-06T15:00:00Z");
    await changeAssignmentStatus(therapist, assignmentId, "end", endedAt);
    expect(await status()).toBe("ENDED");
    expect((await db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).endedAt).toEqual(endedAt);
    for (const change of ["pause", "resume", "end"] as const) {
      expect((await rejection(changeAssignmentStatus(therapist, assignmentId, change))).kind).toBe("not_found");
    }

    const kept = await db.submission.findMany({ where: { assignmentId }, orderBy: { dueOn: "asc" } });
    expect(kept.map((row) => [fromDbDate(row.dueOn), row.status])).toEqual([
      ["2026-03-02", "SUBMITTED"],
      ["2026-03-03", "SUBMITTED"],
    ]);
    expect(await db.measurement.count({ where: { submissionId: { in: kept.map((row) => row.id) } } })).toBe(2);
  });

  it("ends a paused assignment too", async () => {
    const client = await createClientIn(therapist, NY);
    const assignmentId = await assignBuiltIn(therapist, "trigger-log", client.clientId, { scheduleType: "DAILY", startDate: "2026-03-10" }, TUESDAY_AFTERNOON);

    await changeAssignmentStatus(therapist, assignmentId, "pause", TUESDAY_AFTERNOON);
    await changeAssignmentStatus(therapist, assignmentId, "end", TUESDAY_AFTERNOON);

    expect((await db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).status).toBe("ENDED");
  });
});

describe("adherence in listClientAssignments", () => {
  it("counts done / due so far in the client's calendar, one day per log however many entries", async () => {
    const client = await createClientIn(therapist, NY);
    const created = new Date("2026-03-02T14:00:00Z");
    const promises = await assignBuiltIn(
      therapist,
      "micro-promises",
      client.clientId,
      { scheduleType: "DAILY_FOR_N_DAYS", dayCount: 30, startDate: "2026-03-02" },
      created,
    );
    const log = await assignBuiltIn(therapist, "trigger-log", client.clientId, { scheduleType: "DAILY", startDate: "2026-03-02" }, created);

    for (const day of ["2026-03-02", "2026-03-03", "2026-03-05"]) {
      await submitEntry(
        client.scope,
        { assignmentId: promises, entryKey: day, answers: microPromiseAnswers(), privateKeys: [], baseVersion: 0 },
        instantOf(day, "20:00", NY),
      );
    }
    // Two trigger-log entries on the 3rd, one on the 4th.
    for (const time of ["2026-03-03|09:00", "2026-03-03|18:00", "2026-03-04|12:00"]) {
      const [day, clock] = time.split("|") as [string, string];
      const at = instantOf(day, clock, NY);
      const entryKey = await startLogEntry(client.scope, log, at);
      await submitEntry(client.scope, { assignmentId: log, entryKey, answers: triggerLogAnswers(), privateKeys: [], baseVersion: 0 }, at);
    }

    // 02:00 UTC on the 7th is still the evening of the 6th in New York.
    const list = await listClientAssignments(therapist, client.clientId, new Date("2026-03-07T02:00:00Z"));
    const byId = new Map(list.map((item) => [item.id, item]));

    expect(list).toHaveLength(2);
    expect(byId.get(promises)).toMatchObject({
      title: "30-day micro-promises",
      status: "ACTIVE",
      scheduleLabel: "Every day for 30 days",
      startDate: "2026-03-02",
      nextDue: "2026-03-06",
      adherence: { due: 5, done: 3 },
      isLog: false,
      canSetEndDate: false,
    });
    expect(byId.get(log)).toMatchObject({ isLog: true, canSetEndDate: true, adherence: { due: 5, done: 2 } });
    expect(await db.submission.count({ where: { assignmentId: log, status: "SUBMITTED" } })).toBe(3);
  });

  it("stops counting due days on the day the assignment was ended", async () => {
    const client = await createClientIn(therapist, NY);
    const assignmentId = await assignBuiltIn(
      therapist,
      "micro-promises",
      client.clientId,
      { scheduleType: "DAILY_FOR_N_DAYS", dayCount: 30, startDate: "2026-03-02" },
      new Date("2026-03-02T14:00:00Z"),
    );
    await submitEntry(
      client.scope,
      { assignmentId, entryKey: "2026-03-03", answers: microPromiseAnswers(), privateKeys: [], baseVersion: 0 },
      instantOf("2026-03-03", "20:00", NY),
    );
    // 03:00 UTC on the 5th is still the 4th in New York.
    await changeAssignmentStatus(therapist, assignmentId, "end", new Date("2026-03-05T03:00:00Z"));

    const [item] = await listClientAssignments(therapist, client.clientId, new Date("2026-03-20T12:00:00Z"));

    expect(item).toMatchObject({ id: assignmentId, status: "ENDED", nextDue: null, adherence: { due: 3, done: 1 } });
  });

  it("stops counting on the day it was paused", async () => {
    const client = await createClientIn(therapist, NY);
    const assignmentId = await assignBuiltIn(therapist, "micro-promises", client.clientId, { scheduleType: "DAILY", startDate: "2026-03-02" }, new Date("2026-03-02T14:00:00Z"));
    await changeAssignmentStatus(therapist, assignmentId, "pause", instantOf("2026-03-03", "10:00", NY));

    const [item] = await listClientAssignments(therapist, client.clientId, new Date("2026-03-20T12:00:00Z"));

    expect(item).toMatchObject({ status: "PAUSED", nextDue: null, adherence: { due: 2, done: 0 } });
  });

  // Fails today (bug): lib/assignments/list-client-assignments.ts:75 calls nextDueDate with its
  // default 14-day horizon (lib/schedule/schedule.ts:55), so anything due later reads as "no next due".
  it("shows the next due date of an active assignment even when it is weeks away", async () => {
    const client = await createClientIn(therapist, NY);
    const created = new Date("2026-03-10T15:00:00Z");
    const once = await assignBuiltIn(therapist, "roots-of-mistrust", client.clientId, { scheduleType: "ONCE", startDate: "2026-03-10", dueDate: "2026-04-01" }, created);
    const daily = await assignBuiltIn(therapist, "micro-promises", client.clientId, { scheduleType: "DAILY", startDate: "2026-04-01" }, created);
    const soon = await assignBuiltIn(therapist, "weekly-trust-check-in", client.clientId, { scheduleType: "ONCE", startDate: "2026-03-10", dueDate: "2026-03-20" }, created);

    const list = await listClientAssignments(therapist, client.clientId, created);
    const nextDue = Object.fromEntries(list.map((item) => [item.id, item.nextDue]));

    expect(nextDue[soon]).toBe("2026-03-20");
    // The therapist's list shows no other date for a one-off item, so "next due" must not vanish 14+ days out.
    expect(nextDue[once]).toBe("2026-04-01");
    expect(nextDue[daily]).toBe("2026-04-01");
  });

  it("is not found for another therapist's client", async () => {
    const client = await createClientIn(therapist, NY);
    await assignBuiltIn(therapist, "trigger-log", client.clientId, { scheduleType: "DAILY", startDate: "2026-03-10" }, TUESDAY_AFTERNOON);

    expect((await rejection(listClientAssignments(otherTherapist, client.clientId, TUESDAY_AFTERNOON))).kind).toBe("not_found");
  });
});
