// The demo practice as `npm start` seeds it: the owner's clients as before,
// plus a second clinician with clients of his own and a supervisor of his.
import { beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { db } from "@/lib/db";
import { syncBuiltInTemplates } from "@/lib/templates/sync-built-ins";
import { DEMO_CLIENTS, DEMO_CLINICIAN, DEMO_CLINICIAN_CLIENTS, DEMO_PASSWORD, DEMO_SIGN_INS, DEMO_SUPERVISOR, DEMO_THERAPIST } from "@/scripts/seed/demo-accounts";
import { demoPracticeExists, seedDemoPractice } from "@/scripts/seed/seed-demo-practice";

beforeAll(async () => {
  await syncBuiltInTemplates(db as unknown as Parameters<typeof syncBuiltInTemplates>[0]);
  if (!(await demoPracticeExists())) await seedDemoPractice();
}, 240_000);

const userOf = (email: string) => db.user.findUniqueOrThrow({ where: { email } });

describe("the demo practice", () => {
  it("keeps the owner's clients and adds a clinician with a small caseload and history", async () => {
    const owner = await userOf(DEMO_THERAPIST.email);
    const clinician = await userOf(DEMO_CLINICIAN.email);
    expect(owner.practiceRole).toBe("OWNER");
    expect(clinician).toMatchObject({ practiceRole: "CLINICIAN", practiceId: owner.practiceId, role: "THERAPIST" });

    const ownersClients = await db.client.findMany({ where: { therapistId: owner.id }, select: { email: true } });
    expect(ownersClients.map((client) => client.email).sort()).toEqual(DEMO_CLIENTS.map((client) => client.email).sort());
    const theirs = await db.client.findMany({ where: { therapistId: clinician.id }, select: { email: true, status: true, id: true } });
    expect(theirs.map((client) => client.email).sort()).toEqual(DEMO_CLINICIAN_CLIENTS.map((client) => client.email).sort());
    expect(theirs.every((client) => client.status === "ACTIVE")).toBe(true);
    expect(await db.submission.count({ where: { clientId: { in: theirs.map((client) => client.id) }, status: "SUBMITTED" } })).toBeGreaterThan(3);
  });

  it("links the demo couple, Jordan and Sam", async () => {
    const jordan = await db.client.findFirstOrThrow({ where: { email: "jordan@demo.trellis.test" }, select: { id: true, partnerId: true } });
    const sam = await db.client.findFirstOrThrow({ where: { email: "sam@demo.trellis.test" }, select: { id: true, partnerId: true } });
    expect(jordan.partnerId).toBe(sam.id);
    expect(sam.partnerId).toBe(jordan.id);
  });

  it("has one entry shared between the couple: Sam's apology, which Jordan can read", async () => {
    const shared = await db.submission.findMany({
      where: { client: { email: { in: ["jordan@demo.trellis.test", "sam@demo.trellis.test"] } }, sharedWithPartnerAt: { not: null } },
      select: { id: true, client: { select: { email: true } }, templateVersion: { select: { title: true } } },
    });
    expect(shared.map((row) => [row.client.email, row.templateVersion.title])).toEqual([["sam@demo.trellis.test", "Sincere apology planner"]]);
  });

  it("has a supervisor who supervises the second clinician", async () => {
    const supervisor = await userOf(DEMO_SUPERVISOR.email);
    const clinician = await userOf(DEMO_CLINICIAN.email);
    expect(supervisor.practiceRole).toBe("SUPERVISOR");
    const rows = await db.supervision.findMany({ where: { supervisorId: supervisor.id }, select: { clinicianId: true } });
    expect(rows).toEqual([{ clinicianId: clinician.id }]);
  });

  it("prints a sign-in for every demo account, and each works with the demo password", async () => {
    expect(DEMO_SIGN_INS.map((account) => account.role).slice(0, 3)).toEqual(["owner", "clinician", "supervisor"]);
    for (const account of DEMO_SIGN_INS) {
      expect(await authenticate({ email: account.email, password: DEMO_PASSWORD }, "test-demo"), account.email).not.toBeNull();
    }
  });
});
