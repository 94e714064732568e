// Issue 8, failure #3: the trail records looks at a client's record, refused
// attempts and changes, and both sides can read their part of it — a
// therapist only their own clients' history, a client only their own.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { listClientAccessHistory, listViewsOfMyRecord } from "@/lib/audit/list-access-history";
import { orDenied, recordView } from "@/lib/audit/record-view";
import { acknowledgeCaseloadFlag } from "@/lib/caseload/acknowledge-flag";
import { getClient } from "@/lib/clients/get-client";
import { linkPartners, unlinkPartner } from "@/lib/clients/link-partners";
import type { TherapistScope } from "@/lib/clients/scope";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordExport } from "@/lib/exports/record-export";
import { acknowledgeSafetyFlag } from "@/lib/safety/acknowledge-flag";
import { archiveTemplate } from "@/lib/templates/archive-template";
import { duplicateTemplate } from "@/lib/templates/duplicate-template";
import { createCustomTemplate, updateCustomTemplate } from "@/lib/templates/save-template";
import type { TemplateInput } from "@/lib/validations/templates";
import { createClientIn, rejection, templateIdOf } from "@/tests/support/homework-fixtures";
import { createInvitedClient, createTherapist } from "@/tests/support/integration-fixtures";

// tests/support/integration-fixtures.ts names every therapist so.
const THERAPIST_NAME = "Dr Test Therapist";
const viewerOf = (scope: TherapistScope) => ({ userId: scope.therapistId, practiceId: scope.practiceId });

async function therapistWithClient() {
  const therapist = await createTherapist();
  const client = await createClientIn(therapist.scope, "Asia/Tokyo", "Aiko Tanaka");
  return { ...therapist, client };
}

const eventsOf = (where: Prisma.AuditEventWhereInput) =>
  db.auditEvent.findMany({
    where,
    orderBy: { createdAt: "asc" },
    select: { action: true, actorId: true, subjectType: true, subjectId: true, clientId: true, outcome: true, practiceId: true },
  });

/** What the not-found page throws (next/navigation notFound()). */
async function notFoundThrown(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught as { digest?: string },
  );
  expect(error?.digest).toMatch(/NEXT_HTTP_ERROR_FALLBACK;404/);
}

describe("views of a client's record", () => {
  it("record who looked at what, for which client, as a success", async () => {
    const { scope, client } = await therapistWithClient();

    await recordView(viewerOf(scope), { action: "client.viewed", subjectType: "Client", subjectId: client.clientId, clientId: client.clientId });
    await recordView(viewerOf(scope), { action: "client.progress_viewed", subjectType: "Client", subjectId: client.clientId, clientId: client.clientId });

    expect(await eventsOf({ clientId: client.clientId, action: { startsWith: "client." } })).toEqual([
      { action: "client.viewed", actorId: scope.therapistId, subjectType: "Client", subjectId: client.clientId, clientId: client.clientId, outcome: "success", practiceId: scope.practiceId },
      { action: "client.progress_viewed", actorId: scope.therapistId, subjectType: "Client", subjectId: client.clientId, clientId: client.clientId, outcome: "success", practiceId: scope.practiceId },
    ]);
  });

  it("another therapist asking for the client is shown not found and leaves access.denied in their own practice's trail", async () => {
    const owner = await therapistWithClient();
    const stranger = await createTherapist();
    const attempt = { action: "client.viewed", subjectType: "Client", subjectId: owner.client.clientId } as const;

    await notFoundThrown(orDenied(viewerOf(stranger.scope), attempt, () => getClient(stranger.scope, owner.client.clientId)));

    expect(await eventsOf({ practiceId: stranger.scope.practiceId, action: "access.denied" })).toEqual([
      { action: "access.denied", actorId: stranger.scope.therapistId, subjectType: "Client", subjectId: owner.client.clientId, clientId: null, outcome: "denied", practiceId: stranger.scope.practiceId },
    ]);
    // Nothing about the attempt reaches the owner's practice or the client's own history.
    expect(await eventsOf({ practiceId: owner.scope.practiceId, action: "access.denied" })).toEqual([]);
    const history = await listClientAccessHistory(owner.scope, owner.client.clientId);
    expect(history.events.map((event) => event.outcome)).not.toContain("denied");
    expect(history.events.map((event) => event.action)).not.toContain("access.denied");
  });

  it("keeps whatever was typed into the URL as a short, plain token", async () => {
    const { scope } = await createTherapist();
    const typed = `x\u0000<script>alert(1)</script>${"y".repeat(200)}`;

    await notFoundThrown(orDenied(viewerOf(scope), { action: "client.viewed", subjectType: "Client", subjectId: typed }, () => getClient(scope, typed)));

    const [event] = await eventsOf({ practiceId: scope.practiceId, action: "access.denied" });
    expect(event?.subjectId).toMatch(/^[\w?-]{64}$/);
    expect(event?.subjectId.startsWith("x??script?alert?1???script?")).toBe(true);
    expect(event?.clientId).toBeNull();
  });

  it("other errors are not turned into not found, and record nothing", async () => {
    const { scope } = await createTherapist();
    const boom = new Error("database went away");

    await expect(orDenied(viewerOf(scope), { action: "client.viewed", subjectType: "Client", subjectId: "x" }, () => Promise.reject(boom))).rejects.toBe(boom);
    expect(await eventsOf({ practiceId: scope.practiceId })).toHaveLength(1); // only practice.created
  });
});

describe("a therapist's access history of a client", () => {
  it("lists every event about the client, newest first, with the actor's name and role", async () => {
    const { scope, client } = await therapistWithClient();
    await recordView(viewerOf(scope), { action: "client.viewed", subjectType: "Client", subjectId: client.clientId, clientId: client.clientId });
    await recordExport({ practiceId: scope.practiceId, actorId: scope.therapistId, clientId: client.clientId, format: "fhir" });

    const history = await listClientAccessHistory(scope, client.clientId);

    expect(history.more).toBe(false);
    const rows = history.events.map((event) => [event.action, event.outcome, event.actor?.name, event.actor?.role]);
    expect(rows.slice(0, 2)).toEqual([
      ["client.exported", "success", THERAPIST_NAME, "THERAPIST"],
      ["client.viewed", "success", THERAPIST_NAME, "THERAPIST"],
    ]);
    // Adding the client issued the invitation (kept with the client's id).
    expect(rows.at(-1)).toEqual(["invitation.issued", "success", THERAPIST_NAME, "THERAPIST"]);
  });

  it("is not found for another therapist", async () => {
    const owner = await therapistWithClient();
    const stranger = await createTherapist();

    expect((await rejection(listClientAccessHistory(stranger.scope, owner.client.clientId))).kind).toBe("not_found");
  });

  it("stops at 100 events and says there are more", async () => {
    const { scope, client } = await therapistWithClient();
    await db.auditEvent.createMany({
      data: Array.from({ length: 105 }, () => ({
        practiceId: scope.practiceId,
        actorId: scope.therapistId,
        action: "client.viewed",
        subjectType: "Client",
        subjectId: client.clientId,
        clientId: client.clientId,
      })),
    });

    const history = await listClientAccessHistory(scope, client.clientId);

    expect(history.events).toHaveLength(100);
    expect(history.more).toBe(true);
  });
});

describe("a client's \"who has seen my entries\"", () => {
  it("shows the therapist's looks at their own record only: not their partner's, not refused attempts", async () => {
    const { scope, client } = await therapistWithClient();
    const partner = await createClientIn(scope, "Asia/Tokyo", "Ren Tanaka");
    const viewer = viewerOf(scope);
    const entry = randomUUID();
    await recordView(viewer, { action: "client.viewed", subjectType: "Client", subjectId: client.clientId, clientId: client.clientId });
    await recordView(viewer, { action: "entry.viewed", subjectType: "Submission", subjectId: entry, clientId: client.clientId });
    await recordView(viewer, { action: "client.report_viewed", subjectType: "Client", subjectId: partner.clientId, clientId: partner.clientId });
    await recordView(viewer, { action: "client.access_history_viewed", subjectType: "Client", subjectId: client.clientId, clientId: client.clientId });

    const mine = await listViewsOfMyRecord(client.scope);
    const partners = await listViewsOfMyRecord(partner.scope);

    expect(mine.events.map((event) => [event.action, event.actor?.name])).toEqual([
      ["entry.viewed", THERAPIST_NAME],
      ["client.viewed", THERAPIST_NAME],
    ]);
    expect(partners.events.map((event) => event.action)).toEqual(["client.report_viewed"]);
  });

  it("is empty for a client of another practice", async () => {
    const { scope, client } = await therapistWithClient();
    const other = await therapistWithClient();
    await recordView(viewerOf(scope), { action: "client.viewed", subjectType: "Client", subjectId: client.clientId, clientId: client.clientId });

    expect((await listViewsOfMyRecord(other.client.scope)).events).toEqual([]);
  });
});

describe("changes that are audited", () => {
  const templateInput = (): TemplateInput => ({
    title: `Evening reflection ${randomUUID()}`,
    purpose: "A few quiet minutes to notice what helped today.",
    kind: "journal",
    estimatedMinutes: 5,
    allowsMultiplePerDay: false,
    fields: [{ type: "long_text", key: "what_stood_out", label: "What stood out for you today?", privateAllowed: true }],
  });

  it("template created, edited, duplicated and archived", async () => {
    const { scope } = await createTherapist();

    const own = await createCustomTemplate(scope, templateInput());
    await updateCustomTemplate(scope, own.templateId, { ...templateInput(), title: "Renamed reflection" });
    const copy = await duplicateTemplate(scope, await templateIdOf("micro-promises"));
    await archiveTemplate(scope, own.templateId);

    const events = await db.auditEvent.findMany({
      where: { practiceId: scope.practiceId, subjectType: "ExerciseTemplate" },
      orderBy: { createdAt: "asc" },
      select: { action: true, subjectId: true, actorId: true },
    });
    expect(events).toEqual([
      { action: "template.created", subjectId: own.templateId, actorId: scope.therapistId },
      { action: "template.edited", subjectId: own.templateId, actorId: scope.therapistId },
      { action: "template.created", subjectId: copy.templateId, actorId: scope.therapistId },
      { action: "template.archived", subjectId: own.templateId, actorId: scope.therapistId },
    ]);
  });

  it("partner linked and unlinked, with the client's id", async () => {
    const { scope } = await createTherapist();
    const { client } = await createInvitedClient(scope);
    const { client: partner } = await createInvitedClient(scope);

    await linkPartners(scope, client.id, partner.id);
    await unlinkPartner(scope, client.id);

    expect((await eventsOf({ clientId: client.id })).map((event) => [event.action, event.subjectId])).toEqual([
      ["invitation.issued", expect.any(String)],
      ["partner.linked", partner.id],
      ["partner.unlinked", partner.id],
    ]);
  });

  it("a safety flag and a computed flag acknowledged, without the note", async () => {
    const { scope, client } = await therapistWithClient();
    const flag = await db.safetyFlag.create({
      data: { practiceId: scope.practiceId, clientId: client.clientId, fieldKeys: ["afraid_or_unsafe"] },
      select: { id: true },
    });

    await acknowledgeSafetyFlag(scope, { flagId: flag.id, note: "Called; plan agreed." });
    await acknowledgeCaseloadFlag(scope, { kind: "SILENT", clientId: client.clientId, note: "Travelling." });

    const events = await db.auditEvent.findMany({
      where: { clientId: client.clientId, action: "flag.acknowledged" },
      orderBy: { createdAt: "asc" },
      select: { subjectType: true, subjectId: true, metadata: true, actorId: true },
    });
    expect(events).toEqual([
      { subjectType: "SafetyFlag", subjectId: flag.id, metadata: { kind: "SAFETY" }, actorId: scope.therapistId },
      { subjectType: "FlagAcknowledgement", subjectId: expect.any(String), metadata: { kind: "SILENT" }, actorId: scope.therapistId },
    ]);
  });

  it("a refused acknowledgement changes nothing and writes nothing", async () => {
    const { scope, client } = await therapistWithClient();
    const stranger = await createTherapist();
    const flag = await db.safetyFlag.create({
      data: { practiceId: scope.practiceId, clientId: client.clientId, fieldKeys: ["afraid_or_unsafe"] },
      select: { id: true },
    });

    expect((await rejection(acknowledgeSafetyFlag(stranger.scope, { flagId: flag.id, note: null }))).kind).toBe("not_found");
    expect(await eventsOf({ action: "flag.acknowledged", subjectId: flag.id })).toEqual([]);
  });
});
