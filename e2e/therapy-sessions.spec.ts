// Sessions in a browser, on the demo practice: the demo therapist books a
// session for tomorrow, the caseload marks it, "Before the session" lists the
// client's entries, and the client's portal shows "Next session".
import { addDays, todayIn } from "@/lib/dates/local-date";
import { db } from "@/lib/db";
import { weekdayAndTime } from "@/lib/therapy-sessions/format";
import { DEMO_CLIENTS, DEMO_PASSWORD, DEMO_THERAPIST } from "@/scripts/seed/demo-accounts";
import { demoPracticeExists, seedDemoPractice } from "@/scripts/seed/seed-demo-practice";
import { signInByApi } from "./support/auth";
import { expect, test } from "./support/fixtures";

// Every test here also fails if any response had a 5xx status (see the serverErrors fixture).

const JORDAN = DEMO_CLIENTS.find((client) => client.email === "jordan@demo.trellis.test")!;

// Seeded at most once per test database, whichever spec asks first (the same advisory lock as e2e/support's helper).
async function ensureDemoPractice() {
  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`select pg_advisory_xact_lock(hashtext('e2e:demo-practice'))`;
      if (!(await demoPracticeExists())) await seedDemoPractice();
    },
    { timeout: 170_000, maxWait: 170_000 },
  );
}

test("the demo therapist books tomorrow's session; the caseload marks it, 'Before the session' lists entries, the portal shows it", async ({ page, newPage }) => {
  test.setTimeout(180_000);
  await ensureDemoPractice();
  const client = await db.client.findFirstOrThrow({ where: { email: JORDAN.email, therapist: { email: DEMO_THERAPIST.email } }, select: { id: true } });
  const tomorrow = addDays(todayIn(DEMO_THERAPIST.timeZone), 1);

  await signInByApi(page.request, { email: DEMO_THERAPIST.email, password: DEMO_PASSWORD });
  await page.goto(`/clients/${client.id}`);
  await page.getByRole("link", { name: "Sessions", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Sessions with ${JORDAN.displayName}`);
  await page.getByLabel("Date").fill(tomorrow);
  await page.getByLabel("Time").fill("15:00");
  await page.getByLabel("Length (minutes)").fill("50");
  await page.getByRole("button", { name: "Add session" }).click();
  await expect(page.getByText("Session added.")).toBeVisible();

  await page.goto("/dashboard");
  const row = page.getByTestId("caseload-row").filter({ hasText: JORDAN.displayName });
  await expect(row.getByTestId("caseload-session")).toHaveText("Session tomorrow, 3 pm");

  await page.goto(`/clients/${client.id}/sessions`);
  const booked = page.getByTestId("session-item").filter({ hasText: "3 pm" }).first();
  await booked.getByRole("link", { name: /Before the session/ }).click();
  await expect(page.getByText("Before the session · confidential")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(JORDAN.displayName);
  await expect(page.getByTestId("prep-figures")).toContainText("Entries");
  await expect(page.getByTestId("prep-entries").getByRole("link").first()).toBeVisible();
  // The note waits for the session to start.
  await expect(page.getByText("You can write a short note here once the session has started.")).toBeVisible();

  const next = await db.therapySession.findFirstOrThrow({
    where: { clientId: client.id, cancelledAt: null, startsAt: { gt: new Date() } },
    orderBy: { startsAt: "asc" },
    select: { startsAt: true },
  });
  const portal = await newPage();
  await signInByApi(portal.request, { email: JORDAN.email, password: DEMO_PASSWORD });
  await portal.goto("/portal");
  // In Jordan's own zone (Chicago, an hour behind the therapist's New York).
  await expect(portal.getByTestId("next-session")).toHaveText(`Next session: ${weekdayAndTime(next.startsAt, JORDAN.timeZone)}`);
});
