import { beforeAll, describe, expect, it } from "vitest";
import { getClient } from "@/lib/clients/get-client";
import { linkPartners } from "@/lib/clients/link-partners";
import { listClients } from "@/lib/clients/list-clients";
import { db } from "@/lib/db";
import { handOverClient, HANDED_OVER_MEANWHILE, listHandoverClinicians } from "@/lib/practice/handover";
import { deactivateMember } from "@/lib/practice/members/deactivate-member";
import { syncBuiltInTemplates } from "@/lib/templates/sync-built-ins";
import { createTherapist } from "@/tests/support/integration-fixtures";
import { assignBuiltIn, createClientIn, rejection } from "@/tests/support/homework-fixtures";
import { addColleague, BASE, ownerOf } from "@/tests/support/practice-fixtures";

const HOUR = 60 * 60 * 1000;

beforeAll(async () => {
  await syncBuiltInTemplates(db as unknown as Parameters<typeof syncBuiltInTemplates>[0]);
});

async function practiceWithClient() {
  const owner = await createTherapist();
  const a = await addColleague(ownerOf(owner.scope));
  const b = await addColleague(ownerOf(owner.scope));
  const client = await createClientIn(a.scope, "Europe/London", "Handover Client");
  const now = new Date();
  const today = now.toISOString().slice(0, 10);
  const schedule = { scheduleType: "DAILY" as const, startDate: today };
  const active = await assignBuiltIn(a.scope, "weekly-trust-check-in", client.clientId, schedule, now);
  const paused = await assignBuiltIn(a.scope, "micro-promises", client.clientId, schedule, now);
  const ended = await assignBuiltIn(a.scope, "trigger-log", client.clientId, schedule, now);
  await db.assignment.update({ where: { id: paused }, data: { status: "PAUSED", pausedAt: now } });
  await db.assignment.update({ where: { id: ended }, data: { status: "ENDED", endedAt: now } });
  const session = (startsAt: Date) =>
    db.therapySession.create({
      data: { practiceId: owner.scope.practiceId, clientId: client.clientId, clinicianId: a.user.id, startsAt },
      select: { id: true },
    });
  const past = await session(new Date(now.getTime() - 48 * HOUR));
  const future = await session(new Date(now.getTime() + 48 * HOUR));
  return { owner, a, b, client, assignments: { active, paused, ended }, sessions: { past: past.id, future: future.id } };
}

describe("handing a client over", () => {
  it("moves the client, all their homework and future sessions; past sessions stay; the client is told", async () => {
    const { owner, a, b, client, assignments, sessions } = await practiceWithClient();

    const result = await handOverClient(ownerOf(owner.scope), { clientId: client.clientId, toClinicianId: b.user.id, fromClinicianId: a.user.id }, { base: BASE });

    expect(result).toMatchObject({ clientIds: [client.clientId], fromId: a.user.id, toId: b.user.id, toName: b.name });
    expect((await db.client.findUniqueOrThrow({ where: { id: client.clientId } })).therapistId).toBe(b.user.id);
    const rows = await db.assignment.findMany({ where: { clientId: client.clientId }, select: { id: true, therapistId: true } });
    const owners = Object.fromEntries(rows.map((row) => [row.id, row.therapistId]));
    expect(owners).toEqual({ [assignments.active]: b.user.id, [assignments.paused]: b.user.id, [assignments.ended]: b.user.id });
    const therapySessions = await db.therapySession.findMany({ where: { clientId: client.clientId }, select: { id: true, clinicianId: true } });
    expect(Object.fromEntries(therapySessions.map((row) => [row.id, row.clinicianId]))).toEqual({
      [sessions.past]: a.user.id,
      [sessions.future]: b.user.id,
    });

    // The old clinician now gets not found; the new one reads the client.
    expect((await rejection(getClient(a.scope, client.clientId))).kind).toBe("not_found");
    expect((await getClient(b.scope, client.clientId)).id).toBe(client.clientId);
    expect((await listClients(a.scope)).map((row) => row.id)).not.toContain(client.clientId);
    expect((await listClients(b.scope)).map((row) => row.id)).toContain(client.clientId);

    const user = await db.user.findUniqueOrThrow({ where: { id: client.userId } });
    const mail = await db.outboxMessage.findMany({ where: { toAddress: user.email, kind: "clinician-changed" } });
    expect(mail).toHaveLength(1);
    // Content-free: no clinician, practice or client named (a shared mailbox learns nothing).
    for (const secret of [b.name, a.name, "Handover Client", "clinician", "therap"]) expect(mail[0]!.body).not.toContain(secret);
    expect(mail[0]!.body).toContain("/sign-in");
    const events = await db.auditEvent.findMany({ where: { action: "client.handed_over", clientId: client.clientId } });
    expect(events).toEqual([expect.objectContaining({ actorId: owner.scope.therapistId, metadata: { from: a.user.id, to: b.user.id } })]);
  });

  it("two handovers at once end consistent: one wins, the other is told it changed meanwhile", async () => {
    const { owner, a, b, client } = await practiceWithClient();
    const c = await addColleague(ownerOf(owner.scope));

    const results = await Promise.allSettled(
      [b, c].map((to) => handOverClient(ownerOf(owner.scope), { clientId: client.clientId, toClinicianId: to.user.id, fromClinicianId: a.user.id }, { base: BASE })),
    );
    const won = results.filter((result) => result.status === "fulfilled");
    const lost = results.filter((result) => result.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason.message).toBe(HANDED_OVER_MEANWHILE);
    const winner = (won[0] as PromiseFulfilledResult<{ toId: string }>).value.toId;
    expect((await db.client.findUniqueOrThrow({ where: { id: client.clientId } })).therapistId).toBe(winner);
    const running = await db.assignment.findMany({ where: { clientId: client.clientId, status: { in: ["ACTIVE", "PAUSED"] } } });
    expect(running.every((row) => row.therapistId === winner)).toBe(true);
    expect(await db.auditEvent.count({ where: { action: "client.handed_over", clientId: client.clientId } })).toBe(1);
  });

  it("a stale form (the clinician it showed is no longer theirs) is refused", async () => {
    const { owner, b, client } = await practiceWithClient();
    const error = await rejection(handOverClient(ownerOf(owner.scope), { clientId: client.clientId, toClinicianId: b.user.id, fromClinicianId: b.user.id }, { base: BASE }));
    expect(error.message).toBe(HANDED_OVER_MEANWHILE);
  });

  it("moves a couple together", async () => {
    const { owner, a, b, client } = await practiceWithClient();
    const partner = await createClientIn(a.scope, "Europe/London", "Partner");
    await linkPartners(a.scope, client.clientId, partner.clientId);

    const result = await handOverClient(ownerOf(owner.scope), { clientId: client.clientId, toClinicianId: b.user.id }, { base: BASE });
    expect(result.clientIds.sort()).toEqual([client.clientId, partner.clientId].sort());
    const rows = await db.client.findMany({ where: { id: { in: result.clientIds } }, select: { therapistId: true, partnerId: true } });
    expect(rows.every((row) => row.therapistId === b.user.id && row.partnerId !== null)).toBe(true);
  });

  it("is for the owner only, and only to an active clinician of the practice", async () => {
    const { owner, a, b, client } = await practiceWithClient();
    const supervisor = await addColleague(ownerOf(owner.scope), "SUPERVISOR");
    const leaver = await addColleague(ownerOf(owner.scope));
    await deactivateMember(ownerOf(owner.scope), leaver.user.id);
    const stranger = await createTherapist();
    const to = (toClinicianId: string, as = ownerOf(owner.scope)) => handOverClient(as, { clientId: client.clientId, toClinicianId }, { base: BASE });

    expect((await rejection(to(b.user.id, ownerOf(a.scope)))).kind).toBe("not_found");
    expect((await rejection(to(b.user.id, ownerOf(stranger.scope)))).kind).toBe("not_found");
    for (const target of [supervisor.user.id, leaver.user.id, stranger.scope.therapistId, a.user.id]) {
      expect((await rejection(to(target))).kind).toBe("invalid");
    }
    expect((await db.client.findUniqueOrThrow({ where: { id: client.clientId } })).therapistId).toBe(a.user.id);
    const options = (await listHandoverClinicians(ownerOf(owner.scope))).map((row) => row.id);
    expect(options.sort()).toEqual([owner.scope.therapistId, a.user.id, b.user.id].sort());
    expect(await listHandoverClinicians(ownerOf(a.scope))).toEqual([]);
  });

  it("lets the owner deactivate a clinician once their clients are handed over", async () => {
    const { owner, a, b, client } = await practiceWithClient();
    await handOverClient(ownerOf(owner.scope), { clientId: client.clientId, toClinicianId: b.user.id }, { base: BASE });
    await deactivateMember(ownerOf(owner.scope), a.user.id);
    expect((await db.user.findUniqueOrThrow({ where: { id: a.user.id } })).deactivatedAt).not.toBeNull();
  });
});

describe("a client's history after a handover", () => {
  it("is readable by the new clinician, ended homework and its entries included, with feedback still credited to its author", async () => {
    const { owner, a, b, client, assignments } = await practiceWithClient();
    const { listClientAssignments } = await import("@/lib/assignments/list-client-assignments");
    const { getOwnSubmission } = await import("@/lib/homework/get-own-submission");
    const entry = await db.submission.create({
      data: {
        practiceId: owner.scope.practiceId,
        clientId: client.clientId,
        assignmentId: assignments.ended,
        templateVersionId: (await db.assignment.findUniqueOrThrow({ where: { id: assignments.ended } })).templateVersionId,
        dueOn: new Date(),
        entryKey: "log-before-handover",
        status: "SUBMITTED",
        submittedAt: new Date(),
      },
    });
    await db.feedback.create({ data: { submissionId: entry.id, therapistId: a.user.id, body: "Thank you for writing this." } });

    await handOverClient(ownerOf(owner.scope), { clientId: client.clientId, toClinicianId: b.user.id, fromClinicianId: a.user.id }, { base: BASE });

    const seenByB = await listClientAssignments(b.scope, client.clientId);
    expect(seenByB.map((row) => row.id)).toContain(assignments.ended);
    const clientUser = await db.client.findUniqueOrThrow({ where: { id: client.clientId }, select: { practiceId: true } });
    const own = await getOwnSubmission({ clientId: client.clientId, practiceId: clientUser.practiceId, userId: "client", timeZone: "Europe/London" }, entry.id);
    expect(own.therapistName).toBe(b.name);
    expect(own.feedback.map((item) => item.authorName)).toEqual([a.name]);
  });
});

describe("a clinician's write racing the owner's handover", () => {
  it("waits for a handover in progress and then finds the client gone, leaving no homework under the previous clinician", async () => {
    const owner = await createTherapist();
    const a = await addColleague(ownerOf(owner.scope));
    const b = await addColleague(ownerOf(owner.scope));
    const client = await createClientIn(a.scope, "Europe/London", "Race Client");
    const now = new Date();
    const schedule = { scheduleType: "DAILY" as const, startDate: now.toISOString().slice(0, 10) };

    // The handover has moved the client but not committed yet.
    let commit!: () => void;
    const committed = new Promise<void>((resolve) => (commit = resolve));
    let moved!: () => void;
    const clientMoved = new Promise<void>((resolve) => (moved = resolve));
    const handover = db.$transaction(
      async (tx) => {
        await tx.client.update({ where: { id: client.clientId }, data: { therapistId: b.user.id } });
        await tx.assignment.updateMany({ where: { clientId: client.clientId }, data: { therapistId: b.user.id } });
        moved();
        await committed;
      },
      { timeout: 20_000 },
    );
    await clientMoved;

    const write = rejection(assignBuiltIn(a.scope, "weekly-trust-check-in", client.clientId, schedule, now));
    // Give the write time to reach the client row (where it must wait).
    await new Promise((resolve) => setTimeout(resolve, 300));
    commit();
    await handover;

    expect((await write).kind).toBe("not_found");
    expect(await db.assignment.count({ where: { clientId: client.clientId, therapistId: a.user.id } })).toBe(0);
  });
});
