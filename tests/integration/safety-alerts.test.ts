// A raised safety flag reaches people: a content-free alert to the client's
// clinician, queued with the flag (once per entry) and delivered over SMTP;
// if still unacknowledged after Practice.escalateAfterHours, one content-free
// e-mail each to the practice's owners and the supervisors of THAT clinician.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TherapistScope } from "@/lib/clients/scope";
import { instantOf } from "@/lib/dates/local-date";
import { db } from "@/lib/db";
import { saveDraft } from "@/lib/homework/save-draft";
import { submitEntry } from "@/lib/homework/submit-entry";
import { deliverDueMessages } from "@/lib/mail/deliver-outbox";
import { acknowledgeSafetyFlag } from "@/lib/safety/acknowledge-flag";
import { escalateUnacknowledgedFlags } from "@/lib/safety/escalate-flags";
import { queueMissedFlagAlerts } from "@/lib/safety/flag-alert";
import { assignBuiltIn, createClientIn, safetyCheckAnswers } from "@/tests/support/homework-fixtures";
import { createTherapist, uniqueEmail } from "@/tests/support/integration-fixtures";
import { startTestSmtpServer, type TestSmtpServer } from "@/tests/support/smtp";

const ZONE = "Europe/London";
const START = "2026-03-02";
const TODAY = "2026-03-12";
const NOW = instantOf(TODAY, "14:00", ZONE);
const CREATED = instantOf(START, "09:00", ZONE);
const HOUR = 3600_000;

let smtp: TestSmtpServer;

type Staff = { scope: TherapistScope; email: string };

async function staff(owner: TherapistScope, practiceRole: "CLINICIAN" | "SUPERVISOR", label: string): Promise<Staff> {
  const email = uniqueEmail(label);
  const user = await db.user.create({
    data: { email, passwordHash: "x", role: "THERAPIST", practiceRole, name: `Dr ${label}`, timeZone: ZONE, practiceId: owner.practiceId },
  });
  return { scope: { therapistId: user.id, practiceId: owner.practiceId }, email };
}

/** A practice: owner, clinicians A and B, supervisor of A, supervisor of B. */
async function practice() {
  const owner = await createTherapist();
  const clinicianA = await staff(owner.scope, "CLINICIAN", "clinician-a");
  const clinicianB = await staff(owner.scope, "CLINICIAN", "clinician-b");
  const supervisorA = await staff(owner.scope, "SUPERVISOR", "supervisor-a");
  const supervisorB = await staff(owner.scope, "SUPERVISOR", "supervisor-b");
  await db.supervision.createMany({
    data: [
      { practiceId: owner.scope.practiceId, supervisorId: supervisorA.scope.therapistId, clinicianId: clinicianA.scope.therapistId },
      { practiceId: owner.scope.practiceId, supervisorId: supervisorB.scope.therapistId, clinicianId: clinicianB.scope.therapistId },
    ],
  });
  return { owner: { scope: owner.scope, email: owner.email }, clinicianA, clinicianB, supervisorA, supervisorB };
}

/** A client of `clinician` with a safety check due today. */
async function safetyEntry(clinician: TherapistScope) {
  const client = await createClientIn(clinician, ZONE, "Sam Private-Name");
  const assignmentId = await assignBuiltIn(clinician, "relationship-safety-check", client.clientId, { scheduleType: "ONCE", startDate: START, dueDate: TODAY }, CREATED);
  return { client, entry: { assignmentId, entryKey: TODAY, privateKeys: [] as string[] } };
}

const outboxTo = (email: string) => db.outboxMessage.findMany({ where: { toAddress: email }, orderBy: { createdAt: "asc" } });

/** Runs escalation until nothing is left to claim (other test files leave open flags behind). */
async function escalateAll(now: Date) {
  let total = 0;
  for (;;) {
    const { escalated } = await escalateUnacknowledgedFlags(now);
    if (escalated === 0) return total;
    total += escalated;
  }
}

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  await deliverDueMessages({ smtpUrl: smtp.url, maxBatches: 1000 });
});

afterAll(() => smtp.close());

describe("the clinician's alert", () => {
  it("is queued with the flag from a draft save, content-free, once per entry (more saves, the submit and a second raise send nothing new), and arrives over SMTP", async () => {
    const team = await practice();
    const { client, entry } = await safetyEntry(team.clinicianA.scope);

    await saveDraft(client.scope, { ...entry, answers: { afraid_or_unsafe: "no" }, baseVersion: 0 }, NOW);
    expect(await outboxTo(team.clinicianA.email)).toHaveLength(0);

    await saveDraft(client.scope, { ...entry, answers: { afraid_or_unsafe: "partly" }, baseVersion: 1 }, NOW);
    const [flag] = await db.safetyFlag.findMany({ where: { clientId: client.clientId } });
    expect(flag?.alertQueuedAt).toBeInstanceOf(Date);
    const [alert, ...more] = await outboxTo(team.clinicianA.email);
    expect(more).toHaveLength(0);
    expect(alert).toMatchObject({ practiceId: team.owner.scope.practiceId, kind: "safety-alert", status: "QUEUED", subject: "A client's entry needs your attention" });
    expect(alert!.body).toContain("A client's entry needs your attention — sign in to Trellis");
    expect(alert!.body).toMatch(/https?:\/\/[^\s]+\/dashboard/);
    for (const secret of ["Sam", "Private-Name", client.clientId, "afraid", "partly", "Is this relationship safe"]) {
      expect(alert!.body, secret).not.toContain(secret);
      expect(alert!.subject, secret).not.toContain(secret);
    }
    expect(await db.auditEvent.count({ where: { subjectId: flag!.id, action: "flag.alert_queued" } })).toBe(1);

    await saveDraft(client.scope, { ...entry, answers: { afraid_or_unsafe: "yes" }, baseVersion: 2 }, NOW);
    // Acknowledged, then raised again by the same entry's submit: a new flag, no new e-mail.
    await acknowledgeSafetyFlag(team.clinicianA.scope, { flagId: flag!.id, note: null }, NOW);
    await submitEntry(client.scope, { ...entry, answers: safetyCheckAnswers("yes"), baseVersion: 3 }, NOW);
    expect(await db.safetyFlag.count({ where: { clientId: client.clientId } })).toBe(2);
    // The sweep for missed alerts covers every practice of the shared test
    // database, so its count is not this test's to check: what this clinician got is.
    await queueMissedFlagAlerts();
    expect(await outboxTo(team.clinicianA.email)).toHaveLength(1);
    // Nobody else was told.
    for (const other of [team.owner, team.clinicianB, team.supervisorA, team.supervisorB]) expect(await outboxTo(other.email)).toHaveLength(0);

    await deliverDueMessages({ smtpUrl: smtp.url, maxBatches: 1000 });
    const mail = await smtp.waitFor((received) => received.to.includes(team.clinicianA.email));
    expect(mail.subject).toBe("A client's entry needs your attention");
    expect(mail.text).toContain("sign in to Trellis");
    expect(mail.text).not.toContain("Sam");
    expect((await outboxTo(team.clinicianA.email))[0]?.status).toBe("SENT");
  });

  it("a flag raised on submit (no draft first) queues its alert in the same transaction", async () => {
    const team = await practice();
    const { client, entry } = await safetyEntry(team.clinicianB.scope);
    await submitEntry(client.scope, { ...entry, answers: safetyCheckAnswers("partly"), baseVersion: 0 }, NOW);
    const flag = await db.safetyFlag.findFirstOrThrow({ where: { clientId: client.clientId } });
    expect(flag.alertQueuedAt).toEqual(NOW);
    expect((await outboxTo(team.clinicianB.email)).map((row) => row.kind)).toEqual(["safety-alert"]);
    expect(await outboxTo(team.clinicianA.email)).toHaveLength(0);
  });

  it("a flag whose alert was never queued (the process stopped in between) gets it from the job, once", async () => {
    const team = await practice();
    const { client } = await safetyEntry(team.clinicianA.scope);
    const flag = await db.safetyFlag.create({ data: { practiceId: team.owner.scope.practiceId, clientId: client.clientId, fieldKeys: ["afraid_or_unsafe"] } });
    expect(await queueMissedFlagAlerts()).toBeGreaterThanOrEqual(1);
    // Again: this flag is not alerted twice (other test files' flags may be swept meanwhile).
    await queueMissedFlagAlerts();
    expect((await db.safetyFlag.findUniqueOrThrow({ where: { id: flag.id } })).alertQueuedAt).toBeInstanceOf(Date);
    expect(await outboxTo(team.clinicianA.email)).toHaveLength(1);
  });
});

describe("escalation", () => {
  it("waits for escalateAfterHours, then e-mails the owner and the supervisor of THAT clinician only, once, audited; acknowledged flags never escalate", async () => {
    const team = await practice();
    await db.practice.update({ where: { id: team.owner.scope.practiceId }, data: { escalateAfterHours: 6 } });
    const open = await safetyEntry(team.clinicianA.scope);
    await submitEntry(open.client.scope, { ...open.entry, answers: safetyCheckAnswers("yes"), baseVersion: 0 }, NOW);
    const acknowledged = await safetyEntry(team.clinicianA.scope);
    await submitEntry(acknowledged.client.scope, { ...acknowledged.entry, answers: safetyCheckAnswers("yes"), baseVersion: 0 }, NOW);
    const ackFlag = await db.safetyFlag.findFirstOrThrow({ where: { clientId: acknowledged.client.clientId } });
    await acknowledgeSafetyFlag(team.clinicianA.scope, { flagId: ackFlag.id, note: "Called." }, NOW);

    const flag = await db.safetyFlag.findFirstOrThrow({ where: { clientId: open.client.clientId } });
    const raised = flag.raisedAt.getTime();

    await escalateAll(new Date(raised + 6 * HOUR - 60_000));
    expect((await db.safetyFlag.findUniqueOrThrow({ where: { id: flag.id } })).escalatedAt).toBeNull();
    expect(await outboxTo(team.owner.email)).toHaveLength(0);

    const after = new Date(raised + 6 * HOUR + 60_000);
    await escalateAll(after);
    expect((await db.safetyFlag.findUniqueOrThrow({ where: { id: flag.id } })).escalatedAt).toEqual(after);
    expect((await db.safetyFlag.findUniqueOrThrow({ where: { id: ackFlag.id } })).escalatedAt).toBeNull();

    const ownerMail = await outboxTo(team.owner.email);
    const supervisorMail = await outboxTo(team.supervisorA.email);
    expect(ownerMail.map((row) => row.kind)).toEqual(["safety-escalation"]);
    expect(supervisorMail.map((row) => row.kind)).toEqual(["safety-escalation"]);
    expect(ownerMail[0]!.body).toContain("more than 6 hours");
    for (const secret of ["Sam", "Private-Name", open.client.clientId]) expect(ownerMail[0]!.body).not.toContain(secret);
    // The supervisor of another clinician and that clinician get nothing; the clinician only their alert.
    expect(await outboxTo(team.supervisorB.email)).toHaveLength(0);
    expect(await outboxTo(team.clinicianB.email)).toHaveLength(0);
    expect((await outboxTo(team.clinicianA.email)).map((row) => row.kind)).toEqual(["safety-alert", "safety-alert"]);
    expect(await db.auditEvent.findMany({ where: { subjectId: flag.id, action: "flag.escalated" }, select: { actorId: true, metadata: true } })).toEqual([
      { actorId: null, metadata: { kind: "SAFETY", recipients: "2" } },
    ]);

    // Later runs escalate it no more.
    await escalateAll(new Date(raised + 48 * HOUR));
    expect(await outboxTo(team.owner.email)).toHaveLength(1);
    expect(await outboxTo(team.supervisorA.email)).toHaveLength(1);

    await deliverDueMessages({ smtpUrl: smtp.url, maxBatches: 1000 });
    const arrived = await smtp.waitFor((mail) => mail.to.includes(team.owner.email));
    expect(arrived.subject).toBe("A safety flag in your practice is still waiting");
  });

  it("parallel runs escalate each flag exactly once", async () => {
    const team = await practice();
    const flags = [];
    for (let i = 0; i < 5; i++) {
      const { client, entry } = await safetyEntry(team.clinicianB.scope);
      await submitEntry(client.scope, { ...entry, answers: safetyCheckAnswers("yes"), baseVersion: 0 }, NOW);
      flags.push((await db.safetyFlag.findFirstOrThrow({ where: { clientId: client.clientId } })).id);
    }
    const later = new Date(Date.now() + 25 * HOUR);
    await Promise.all(Array.from({ length: 6 }, () => escalateUnacknowledgedFlags(later)));
    await escalateAll(later);
    expect(await db.auditEvent.count({ where: { subjectId: { in: flags }, action: "flag.escalated" } })).toBe(5);
    expect(await outboxTo(team.owner.email)).toHaveLength(5);
    expect(await outboxTo(team.supervisorB.email)).toHaveLength(5);
    expect(await outboxTo(team.supervisorA.email)).toHaveLength(0);
    expect(await db.safetyFlag.count({ where: { id: { in: flags }, escalatedAt: null } })).toBe(0);
  });

  it("a deactivated owner or supervisor gets nothing", async () => {
    const team = await practice();
    await db.user.update({ where: { id: team.supervisorA.scope.therapistId }, data: { deactivatedAt: NOW } });
    const { client, entry } = await safetyEntry(team.clinicianA.scope);
    await submitEntry(client.scope, { ...entry, answers: safetyCheckAnswers("yes"), baseVersion: 0 }, NOW);
    await escalateAll(new Date(Date.now() + 25 * HOUR));
    expect(await outboxTo(team.owner.email)).toHaveLength(1);
    expect(await outboxTo(team.supervisorA.email)).toHaveLength(0);
  });
});
