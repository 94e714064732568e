// Several exercises to one or more clients in one submit: each exercise with
// its own schedule, one transaction (all or nothing, errors on the failing
// exercise's own fields), and a request key so that the same submit sent
// twice (a double click, a retry) assigns once.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { assignManySchema, assignFormInput } from "@/lib/assignments/assign-many-schema";
import { createAssignmentBatch } from "@/lib/assignments/create-assignments";
import type { TherapistScope } from "@/lib/clients/scope";
import { db } from "@/lib/db";
import { fromDbDate } from "@/lib/dates/local-date";
import { createCustomTemplate } from "@/lib/templates/save-template";
import { createTherapist } from "@/tests/support/integration-fixtures";
import { createClientIn, rejection, templateIdOf } from "@/tests/support/homework-fixtures";

const NY = "America/New_York";
const TOKYO = "Asia/Tokyo";
const TUESDAY_AFTERNOON = new Date("2026-03-10T16:00:00Z");

let therapist: TherapistScope;
let otherTherapist: TherapistScope;

beforeAll(async () => {
  therapist = (await createTherapist()).scope;
  otherTherapist = (await createTherapist()).scope;
});

const assignmentsOf = (clientId: string) => db.assignment.findMany({ where: { clientId }, orderBy: { createdAt: "asc" } });

function batch(input: unknown) {
  return assignManySchema.parse(input);
}

describe("createAssignmentBatch", () => {
  it("assigns each exercise with its own schedule to every chosen client", async () => {
    const ny = await createClientIn(therapist, NY);
    const tokyo = await createClientIn(therapist, TOKYO);
    const [checkIn, log] = await Promise.all([templateIdOf("weekly-trust-check-in"), templateIdOf("trigger-log")]);

    const created = await createAssignmentBatch(
      therapist,
      batch({
        clientIds: [ny.clientId, tokyo.clientId],
        note: "Both, please.",
        items: [
          { templateId: checkIn, scheduleType: "WEEKLY", startDate: "2026-03-10", weekdays: ["0"] },
          { templateId: log, scheduleType: "DAILY_FOR_N_DAYS", startDate: "2026-03-10", dayCount: "14" },
        ],
      }),
      TUESDAY_AFTERNOON,
    );

    expect(created).toHaveLength(4);
    for (const client of [ny, tokyo]) {
      const rows = await assignmentsOf(client.clientId);
      expect(rows.map((row) => [row.templateId, row.scheduleType]).sort()).toEqual(
        [
          [checkIn, "WEEKLY"],
          [log, "DAILY_FOR_N_DAYS"],
        ].sort(),
      );
      for (const row of rows) expect(row.note).toBe("Both, please.");
      expect(rows.find((row) => row.templateId === checkIn)?.weekdays).toEqual([0]);
      expect(rows.find((row) => row.templateId === log)?.dayCount).toBe(14);
    }
    // Each client's own calendar still decides the start (Tokyo is already on the 11th).
    expect(fromDbDate((await assignmentsOf(tokyo.clientId))[0]!.startDate)).toBe("2026-03-11");
  });

  it("assigns nothing when one exercise fails, and names the failing exercise's field", async () => {
    const tokyo = await createClientIn(therapist, TOKYO, "Taro Tokyo");
    const log = await templateIdOf("trigger-log");
    const once = await templateIdOf("roots-of-mistrust");

    const error = await rejection(
      createAssignmentBatch(
        therapist,
        batch({
          clientIds: [tokyo.clientId],
          items: [
            { templateId: log, scheduleType: "DAILY", startDate: "2026-03-10" },
            // The 10th has passed in Tokyo.
            { templateId: once, scheduleType: "ONCE", startDate: "2026-03-10", dueDate: "2026-03-10" },
          ],
        }),
        TUESDAY_AFTERNOON,
      ),
    );
    expect(error.kind).toBe("invalid");
    expect(Object.keys(error.fieldErrors)).toEqual(["items.1.dueDate"]);
    expect(error.fieldErrors["items.1.dueDate"]?.[0]).toContain("Taro Tokyo");
    expect(await assignmentsOf(tokyo.clientId)).toHaveLength(0);
  });

  it("refuses another practice's exercise in any position, and assigns nothing", async () => {
    const client = await createClientIn(therapist, NY);
    const foreign = await createCustomTemplate(otherTherapist, {
      title: `Foreign ${randomUUID()}`,
      purpose: "Not yours.",
      kind: "journal",
      estimatedMinutes: 5,
      allowsMultiplePerDay: false,
      fields: [{ type: "long_text", key: "note", label: "Anything?" }],
    });
    const error = await rejection(
      createAssignmentBatch(
        therapist,
        batch({
          clientIds: [client.clientId],
          items: [
            { templateId: await templateIdOf("trigger-log"), scheduleType: "DAILY", startDate: "2026-03-10" },
            { templateId: foreign.templateId, scheduleType: "DAILY", startDate: "2026-03-10" },
          ],
        }),
        TUESDAY_AFTERNOON,
      ),
    );
    expect(error.kind).toBe("invalid");
    expect(Object.keys(error.fieldErrors)).toEqual(["items.1.templateId"]);
    expect(await assignmentsOf(client.clientId)).toHaveLength(0);
  });

  it("treats another therapist's client as not found and assigns nobody", async () => {
    const own = await createClientIn(therapist, NY);
    const theirs = await createClientIn(otherTherapist, NY);
    const error = await rejection(
      createAssignmentBatch(
        therapist,
        batch({
          clientIds: [own.clientId, theirs.clientId],
          items: [{ templateId: await templateIdOf("trigger-log"), scheduleType: "DAILY", startDate: "2026-03-10" }],
        }),
        TUESDAY_AFTERNOON,
      ),
    );
    expect(error.kind).toBe("not_found");
    expect(await assignmentsOf(own.clientId)).toHaveLength(0);
    expect(await assignmentsOf(theirs.clientId)).toHaveLength(0);
  });

  it("assigns once when the same request arrives twice, one after the other or at the same time", async () => {
    const client = await createClientIn(therapist, NY);
    const log = await templateIdOf("trigger-log");
    const input = (requestKey: string) =>
      batch({ clientIds: [client.clientId], requestKey, items: [{ templateId: log, scheduleType: "DAILY", startDate: "2026-03-10" }] });

    const key = randomUUID();
    const first = await createAssignmentBatch(therapist, input(key), TUESDAY_AFTERNOON);
    const again = await createAssignmentBatch(therapist, input(key), TUESDAY_AFTERNOON);
    expect(again.map((row) => row.id)).toEqual(first.map((row) => row.id));
    expect(await assignmentsOf(client.clientId)).toHaveLength(1);

    const together = randomUUID();
    const both = await Promise.all([
      createAssignmentBatch(therapist, input(together), TUESDAY_AFTERNOON),
      createAssignmentBatch(therapist, input(together), TUESDAY_AFTERNOON),
    ]);
    expect(both[0].map((row) => row.id)).toEqual(both[1].map((row) => row.id));
    expect(await assignmentsOf(client.clientId)).toHaveLength(2);

    // A new submit (a new key) is a new assignment, even of the same exercise.
    await createAssignmentBatch(therapist, input(randomUUID()), TUESDAY_AFTERNOON);
    expect(await assignmentsOf(client.clientId)).toHaveLength(3);
  });

  it("does not let another therapist's request key answer for them", async () => {
    const mine = await createClientIn(therapist, NY);
    const theirs = await createClientIn(otherTherapist, NY);
    const log = await templateIdOf("trigger-log");
    const key = randomUUID();
    await createAssignmentBatch(
      otherTherapist,
      batch({ clientIds: [theirs.clientId], requestKey: key, items: [{ templateId: log, scheduleType: "DAILY", startDate: "2026-03-10" }] }),
      TUESDAY_AFTERNOON,
    );
    const created = await createAssignmentBatch(
      therapist,
      batch({ clientIds: [mine.clientId], requestKey: key, items: [{ templateId: log, scheduleType: "DAILY", startDate: "2026-03-10" }] }),
      TUESDAY_AFTERNOON,
    );
    expect(created.map((row) => row.clientId)).toEqual([mine.clientId]);
    expect(await assignmentsOf(mine.clientId)).toHaveLength(1);
  });
});

describe("assignManySchema and the form's fields", () => {
  it("reads indexed exercise fields, each with its own weekdays", () => {
    const form = new FormData();
    form.append("clientIds", "c1");
    form.append("clientIds", "c2");
    form.append("note", "");
    form.append("requestKey", "k-1");
    form.append("items.0.templateId", "t1");
    form.append("items.0.scheduleType", "WEEKLY");
    form.append("items.0.startDate", "2026-03-10");
    form.append("items.0.weekdays", "1");
    form.append("items.0.weekdays", "3");
    form.append("items.1.templateId", "t2");
    form.append("items.1.scheduleType", "ONCE");
    form.append("items.1.startDate", "2026-03-10");
    form.append("items.1.dueDate", "2026-03-12");
    const parsed = assignManySchema.parse(assignFormInput(form));
    expect(parsed.clientIds).toEqual(["c1", "c2"]);
    expect(parsed.requestKey).toBe("k-1");
    expect(parsed.items.map((item) => [item.templateId, item.scheduleType, item.weekdays, item.dueDate])).toEqual([
      ["t1", "WEEKLY", [1, 3], undefined],
      ["t2", "ONCE", [], "2026-03-12"],
    ]);
  });

  it("still reads the one-exercise form's flat fields", () => {
    const form = new FormData();
    form.append("clientIds", "c1");
    form.append("templateId", "t1");
    form.append("scheduleType", "DAILY");
    form.append("startDate", "2026-03-10");
    expect(assignManySchema.parse(assignFormInput(form)).items).toMatchObject([{ templateId: "t1", scheduleType: "DAILY" }]);
  });

  it("puts each exercise's errors on its own fields, and the clients' error once", () => {
    const result = assignManySchema.safeParse({
      clientIds: [],
      items: [
        { templateId: "t1", scheduleType: "ONCE", startDate: "2026-03-10" },
        { templateId: "", scheduleType: "WEEKLY", startDate: "2026-03-10" },
      ],
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join("."));
    expect(paths.sort()).toEqual(["clientIds", "items.0.dueDate", "items.1.templateId", "items.1.weekdays"].sort());
  });

  it("refuses no exercise, too many, and the same exercise twice", () => {
    const item = { templateId: "t1", scheduleType: "DAILY", startDate: "2026-03-10" };
    expect(assignManySchema.safeParse({ clientIds: ["c1"], items: [] }).error?.issues[0]?.path).toEqual(["items"]);
    expect(assignManySchema.safeParse({ clientIds: ["c1"], items: Array.from({ length: 11 }, (_, i) => ({ ...item, templateId: `t${i}` })) }).success).toBe(false);
    const twice = assignManySchema.safeParse({ clientIds: ["c1"], items: [item, item] });
    expect(twice.error?.issues.map((issue) => issue.path.join("."))).toEqual(["items.1.templateId"]);
  });
});
