// A group practice on the demo data, as its people see it: the supervisor of
// Dr. Rivera reads his clients and changes nothing (and cannot reach the
// owner's clients); a safety flag on one of his clients that nobody
// acknowledges is escalated, over SMTP, to the practice's owner and to his
// supervisor, without a word about the client. The other parts of the
// practice journey have their own specs: inviting and handing over
// (practice.spec), the crisis panel and the clinician's alert on a phone
// (safety-crisis.spec), "Before the session" for tomorrow's client
// (therapy-sessions.spec), replies to feedback (replies.spec).
// Every test also fails on any 5xx response (fixtures).
import { db } from "@/lib/db";
import { deliverDueMessages } from "@/lib/mail/deliver-outbox";
import { escalateUnacknowledgedFlags } from "@/lib/safety/escalate-flags";
import { DEMO_CLIENTS, DEMO_CLINICIAN, DEMO_CLINICIAN_CLIENTS, DEMO_PASSWORD, DEMO_SUPERVISOR, DEMO_THERAPIST } from "@/scripts/seed/demo-accounts";
import { e2eSmtpPort, mailArrived } from "@/tests/support/e2e-smtp-sink";
import { signInByApi } from "./support/auth";
import { ensureDemoPractice } from "./support/demo-practice";
import { expect, test } from "./support/fixtures";

const NOOR = DEMO_CLINICIAN_CLIENTS.find((client) => client.email === "noor@demo.trellis.test")!;
const JORDAN = DEMO_CLIENTS.find((client) => client.email === "jordan@demo.trellis.test")!;
const HOUR = 60 * 60 * 1000;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await ensureDemoPractice();
});

test("the supervisor reads Dr. Rivera's clients read-only and cannot reach the owner's", async ({ page }) => {
  const noor = await db.client.findFirstOrThrow({ where: { email: NOOR.email }, select: { id: true } });
  const jordan = await db.client.findFirstOrThrow({ where: { email: JORDAN.email }, select: { id: true } });
  await signInByApi(page.request, { email: DEMO_SUPERVISOR.email, password: DEMO_PASSWORD });

  await test.step("the caseload shows the supervisee's clients, with whose they are, and no one else's", async () => {
    await page.goto("/dashboard");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Caseload" })).toBeVisible();
    for (const absent of ["Clients", "Review", "Outbox", "Practice"]) await expect(nav.getByRole("link", { name: absent })).toHaveCount(0);
    // The count of entries waiting is there, without a link to an inbox that is not theirs.
    await expect(page.getByText("To review", { exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "To review" })).toHaveCount(0);
    const rows = page.getByTestId("caseload-row");
    await expect(rows.filter({ hasText: NOOR.displayName })).toHaveCount(1);
    await expect(rows.filter({ hasText: NOOR.displayName }).getByTestId("caseload-clinician")).toHaveText(`With ${DEMO_CLINICIAN.name}`);
    await expect(rows.filter({ hasText: JORDAN.displayName })).toHaveCount(0);
  });

  await test.step("a supervisee's client page reads, without a single form to change it", async () => {
    await page.goto(`/clients/${noor.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(NOOR.displayName);
    await expect(page.getByTestId("read-only-notice")).toContainText(`${DEMO_CLINICIAN.name} is this client’s clinician`);
    await expect(page.getByRole("link", { name: "Assign homework" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Archive|Link|Save country|Hand over/ })).toHaveCount(0);
    await page.goto(`/clients/${noor.id}/progress`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Progress");
    await expect(page.getByRole("link", { name: `← ${NOOR.displayName}` })).toBeVisible();
  });

  await test.step("the owner's client and the pages for treating clients are not theirs", async () => {
    const response = await page.goto(`/clients/${jordan.id}`);
    expect(response?.status()).toBe(404);
    await page.goto("/review");
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.goto("/outbox");
    await expect(page).toHaveURL(/\/dashboard$/);
  });

  await test.step("each look is in the client's access history, as the supervisor's", async () => {
    const views = await db.auditEvent.findMany({
      where: { clientId: noor.id, actor: { email: DEMO_SUPERVISOR.email }, action: { in: ["client.viewed", "client.progress_viewed"] } },
      select: { action: true },
    });
    expect(new Set(views.map((view) => view.action))).toEqual(new Set(["client.viewed", "client.progress_viewed"]));
  });
});

test("a safety flag nobody acknowledges is escalated to the owner and the clinician's supervisor over SMTP, saying nothing about the client", async ({ page }) => {
  const started = new Date();
  const noor = await db.client.findFirstOrThrow({ where: { email: NOOR.email }, select: { id: true, practiceId: true } });
  // A flag raised on Noor's entry 25 hours ago whose alert went to Dr. Rivera and which nobody acknowledged.
  const flag = await db.safetyFlag.create({
    data: { practiceId: noor.practiceId, clientId: noor.id, fieldKeys: ["afraid_or_unsafe"], raisedAt: new Date(Date.now() - 25 * HOUR), alertQueuedAt: new Date(Date.now() - 25 * HOUR) },
    select: { id: true },
  });
  try {
    await test.step("the escalation job claims it once and mails the owner and the supervisor", async () => {
      // What the app's background job does every few minutes (off in the e2e server, so it runs here).
      const first = await escalateUnacknowledgedFlags();
      expect(first.escalated).toBeGreaterThanOrEqual(1);
      expect((await db.safetyFlag.findUniqueOrThrow({ where: { id: flag.id } })).escalatedAt).not.toBeNull();
      const again = await escalateUnacknowledgedFlags();
      expect(again.escalated, "a flag is escalated once").toBe(0);
      await deliverDueMessages({ smtpUrl: `smtp://127.0.0.1:${e2eSmtpPort()}` });

      const escalated = (mail: { subject: string; receivedAt: Date }) =>
        mail.subject === "A safety flag in your practice is still waiting" && mail.receivedAt >= started;
      for (const to of [DEMO_THERAPIST.email, DEMO_SUPERVISOR.email]) {
        const mail = await mailArrived(to, escalated);
        expect(mail.text).toContain("sign in to Trellis");
        for (const secret of ["Noor", "Haddad", noor.id, "afraid"]) expect(mail.text).not.toContain(secret);
      }
    });

    await test.step("the supervisor sees the open flag on the caseload, without an Acknowledge button", async () => {
      await signInByApi(page.request, { email: DEMO_SUPERVISOR.email, password: DEMO_PASSWORD });
      await page.goto("/dashboard");
      const row = page.getByTestId("caseload-row").filter({ hasText: NOOR.displayName });
      await expect(row).toContainText(/safety/i);
      await expect(row.getByRole("button", { name: /Acknowledge/ })).toHaveCount(0);
    });
  } finally {
    // Leave the demo practice as the other specs expect it.
    await db.safetyFlag.update({ where: { id: flag.id }, data: { acknowledgedAt: new Date(), note: "e2e clean-up" } });
  }
});
