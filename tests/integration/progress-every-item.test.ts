// Issue 11, "every item charted": a custom template's own numeric questions
// reach the progress charts (by day for a daily schedule, by week
// otherwise), a value the client kept private never reaches the therapist's,
// only assigned exercises appear, and the page's data takes the same number
// of SQL statements whether the client has one template or eight.
import { renderToString } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { ExerciseMetricsCard } from "@/components/progress/exercise-metrics-card";
import type { TherapistScope } from "@/lib/clients/scope";
import { db } from "@/lib/db";
import { addDays, todayIn } from "@/lib/dates/local-date";
import { submitEntry } from "@/lib/homework/submit-entry";
import { getProgressOverview } from "@/lib/progress/get-progress-overview";
import { clientViewer, therapistViewer } from "@/lib/progress/viewer";
import { createCustomTemplate } from "@/lib/templates/save-template";
import { assign, assignBuiltIn, createClientIn, rejection } from "@/tests/support/homework-fixtures";
import { createTherapist } from "@/tests/support/integration-fixtures";
import { statementsOf } from "@/tests/support/statement-count";

const ZONE = "Europe/London";
const NOW = new Date();
const TODAY = todayIn(ZONE, NOW);
const WEEK_AGO = addDays(TODAY, -7);

let therapist: TherapistScope;

beforeAll(async () => {
  therapist = (await createTherapist()).scope;
});

async function customTemplate(title: string): Promise<string> {
  const saved = await createCustomTemplate(therapist, {
    title,
    purpose: "A short look at closeness and calls.",
    kind: "measure",
    estimatedMinutes: 3,
    allowsMultiplePerDay: false,
    fields: [
      { type: "scale", key: "closeness", label: "How close did you feel?", minLabel: "Far apart", maxLabel: "Very close" },
      { type: "number", key: "calls", label: "Calls to each other", min: 0, max: 50 },
      { type: "long_text", key: "notes", label: "Anything else?", required: false, privateAllowed: true },
    ],
  });
  return saved.templateId;
}

type Client = Awaited<ReturnType<typeof createClientIn>>;

async function assignDaily(client: Client, templateId: string): Promise<string> {
  const [id] = await assign(
    therapist,
    { templateId, clientIds: [client.clientId], scheduleType: "DAILY", startDate: WEEK_AGO },
    new Date(NOW.getTime() - 7 * 86_400_000),
  );
  return id!;
}

async function submit(client: Client, assignmentId: string, day: string, answers: Record<string, unknown>) {
  const { submissionId } = await submitEntry(client.scope, { assignmentId, entryKey: day, answers, privateKeys: [], baseVersion: 0 }, NOW);
  return submissionId;
}

describe("every numeric item is charted", () => {
  it("charts a custom template's 0–10 scale and number by day, and never a private value for the therapist", async () => {
    const client = await createClientIn(therapist, ZONE, "Noor");
    const templateId = await customTemplate(`Closeness ${Math.random()}`);
    const assignmentId = await assignDaily(client, templateId);
    await submit(client, assignmentId, TODAY, { closeness: 7, calls: 3 });
    const yesterday = addDays(TODAY, -1);
    const earlier = await submit(client, assignmentId, yesterday, { closeness: 2, calls: 1 });
    // A scale cannot be marked private today (only long text can); this is
    // an answer stored as private under other rules, with its number on file.
    await db.submission.update({ where: { id: earlier }, data: { privateKeys: ["closeness"] } });

    const prefix = `custom-${templateId}`;
    const forTherapist = await getProgressOverview(therapistViewer(therapist, client.clientId), "4w");
    const exercise = forTherapist.exercises.find((item) => item.prefix === prefix);
    expect(exercise?.daily).toBe(true);
    const closeness = exercise?.metrics.find((metric) => metric.metric === `${prefix}.closeness`);
    const calls = exercise?.metrics.find((metric) => metric.metric === `${prefix}.calls`);
    expect(closeness).toMatchObject({ source: "scale", min: 0, max: 10, periodKind: "date" });
    expect(calls).toMatchObject({ source: "number", periodKind: "date" });
    expect(closeness?.points.find((point) => point.period === TODAY)?.value).toBe(7);
    expect(closeness?.points.find((point) => point.period === yesterday)?.value ?? null).toBeNull();
    expect(calls?.points.filter((point) => point.value !== null).map((point) => point.value)).toEqual([1, 3]);
    expect(exercise?.metrics.map((metric) => metric.metric)).not.toContain(`${prefix}.notes`);

    const forClient = await getProgressOverview(clientViewer(client.scope), "4w");
    const own = forClient.exercises.find((item) => item.prefix === prefix)?.metrics.find((metric) => metric.metric === `${prefix}.closeness`);
    expect(own?.points.find((point) => point.period === yesterday)?.value).toBe(2);

    const html = renderToString(ExerciseMetricsCard({ exercise: exercise!, audience: "therapist", range: forTherapist.range }));
    expect(html).toContain("How close did you feel?");
    expect(html).toContain("Calls to each other");
    expect(html).toMatch(/<table/);
  });

  it("charts a weekly custom exercise by week, and lists only exercises the client has or had", async () => {
    const client = await createClientIn(therapist, ZONE, "Aiko");
    const templateId = await customTemplate(`Weekly closeness ${Math.random()}`);
    const [assignmentId] = await assign(
      therapist,
      { templateId, clientIds: [client.clientId], scheduleType: "WEEKLY", weekdays: [new Date(`${TODAY}T12:00:00Z`).getUTCDay()], startDate: WEEK_AGO },
      new Date(NOW.getTime() - 7 * 86_400_000),
    );
    await submit(client, assignmentId!, TODAY, { closeness: 6, calls: 2 });
    await assignBuiltIn(therapist, "micro-promises", client.clientId, { scheduleType: "DAILY", startDate: TODAY }, NOW);

    const overview = await getProgressOverview(therapistViewer(therapist, client.clientId), "12w");
    expect(overview.exercises.map((exercise) => exercise.prefix).sort()).toEqual([`custom-${templateId}`, "micro-promises"].sort());
    const custom = overview.exercises.find((exercise) => exercise.prefix === `custom-${templateId}`);
    expect(custom?.daily).toBe(false);
    expect(custom?.metrics[0]?.periodKind).toBe("week");
    expect(custom?.hasData).toBe(true);
    expect(overview.exercises.find((exercise) => exercise.prefix === "micro-promises")?.hasData).toBe(false);
    expect(overview.anyData).toBe(true);
  });

  it("says when nothing is assigned, and opens the default range where the data starts", async () => {
    const client = await createClientIn(therapist, ZONE, "Mika");
    const empty = await getProgressOverview(therapistViewer(therapist, client.clientId), null);
    expect(empty.exercises).toEqual([]);
    expect(empty.anyData).toBe(false);

    await assignDaily(client, await customTemplate(`Recent ${Math.random()}`));
    // Homework began a week ago: the default is not twelve weeks of nothing.
    const recent = await getProgressOverview(therapistViewer(therapist, client.clientId), null);
    expect(recent.range).toBe("all");
    expect((await getProgressOverview(therapistViewer(therapist, client.clientId), "4w")).range).toBe("4w");
  });
});

describe("who may see it", () => {
  it("gives another therapist not found for a client who is not theirs", async () => {
    const client = await createClientIn(therapist, ZONE, "Eli");
    await assignDaily(client, await customTemplate(`Private ${Math.random()}`));
    const other = (await createTherapist()).scope;
    const error = await rejection(getProgressOverview(therapistViewer(other, client.clientId), "4w"));
    expect(error.kind).toBe("not_found");
  });
});

describe("statement count", () => {
  async function clientWith(templates: number) {
    const client = await createClientIn(therapist, ZONE, `Client with ${templates}`);
    for (let index = 0; index < templates; index += 1) {
      const assignmentId = await assignDaily(client, await customTemplate(`Count ${templates}-${index} ${Math.random()}`));
      await submit(client, assignmentId, TODAY, { closeness: index % 11, calls: index });
    }
    return client;
  }

  it("is the same for a client with 1 template and with 8", async () => {
    const one = await clientWith(1);
    const eight = await clientWith(8);
    let charted = 0;
    const forOne = await statementsOf(() => getProgressOverview(therapistViewer(therapist, one.clientId), "12w"));
    const forEight = await statementsOf(async () => {
      const overview = await getProgressOverview(therapistViewer(therapist, eight.clientId), "12w");
      charted = overview.exercises.flatMap((exercise) => exercise.metrics).length;
    });
    expect(charted).toBe(16);
    expect(forEight.length).toBe(forOne.length);
    expect(forOne.length).toBeLessThanOrEqual(3);
  });
});
