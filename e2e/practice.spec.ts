import { db } from "@/lib/db";
import { DEMO_PASSWORD, DEMO_THERAPIST } from "@/scripts/seed/demo-accounts";
import { signInByApi } from "./support/auth";
import { ensureDemoPractice } from "./support/demo-practice";
import { addClientFor, uniqueEmail, uniqueId } from "./support/factories";
import { expect, test } from "./support/fixtures";
import { addColleague } from "./support/practice";

// Every test here also fails on any 5xx response (see the serverErrors fixture).

const JOIN_LINK = /https?:\/\/\S+\/join\/[A-Za-z0-9_-]{43}(?=\s|$)/;

async function joinLinkMailedTo(email: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(async () => {
      const messages = await db.outboxMessage.findMany({ where: { toAddress: email, kind: "staff-invitation" }, select: { body: true } });
      link = messages.map((message) => JOIN_LINK.exec(message.body)?.[0]).find(Boolean);
      return link;
    })
    .toBeTruthy();
  return link!;
}

async function demoOwner() {
  const owner = await db.user.findUniqueOrThrow({ where: { email: DEMO_THERAPIST.email }, select: { id: true, practiceId: true, name: true } });
  return { ...owner, practiceName: DEMO_THERAPIST.practiceName, email: DEMO_THERAPIST.email, password: DEMO_PASSWORD, timeZone: DEMO_THERAPIST.timeZone };
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await ensureDemoPractice();
});

test("the demo owner invites a clinician, who joins and signs in; the owner hands a client over and the new clinician has them", async ({ page, newPage }) => {
  const owner = await demoOwner();
  // A client of the owner's for this test only (invited, so the demo caseload stays as the other specs expect).
  const client = await addClientFor(owner, { displayName: `Hana-${uniqueId()} Handover` });
  const email = uniqueEmail("new-clinician");
  const name = `Dr Rowan Achebe ${uniqueId()}`;

  await signInByApi(page.request, owner);
  await page.goto("/dashboard");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Practice" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Members" })).toBeVisible();

  const invite = page.getByRole("form", { name: "Invite a colleague" });
  await invite.getByLabel("Name").fill(name);
  await invite.getByLabel("E-mail address").fill(email);
  await invite.getByLabel("Role").selectOption("CLINICIAN");
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText("Invitation sent. The link in it works for 7 days.")).toBeVisible();
  await expect(page.getByText(email, { exact: true })).toBeVisible();

  // The colleague opens the link from their inbox and joins.
  const link = await joinLinkMailedTo(email);
  const colleague = await newPage();
  await colleague.goto(link);
  await expect(colleague.getByRole("heading", { name: `Join ${DEMO_THERAPIST.practiceName}` })).toBeVisible();
  await expect(colleague.getByLabel("Your name")).toHaveValue(name);
  await colleague.getByLabel("Choose a password").fill("willow compass harbour 2026");
  await colleague.getByLabel("Type it again").fill("willow compass harbour 2026");
  await colleague.getByRole("button", { name: "Join the practice" }).click();
  await expect(colleague.getByText("You've joined the practice.")).toBeVisible();
  await colleague.getByRole("link", { name: "Go to sign in" }).click();
  await colleague.getByLabel("Email").fill(email);
  await colleague.getByLabel("Password").fill("willow compass harbour 2026");
  await colleague.getByRole("button", { name: "Sign in" }).click();
  await expect(colleague.getByRole("heading", { level: 1, name: "Caseload" })).toBeVisible();
  await expect(colleague.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Practice" }), "members manage nothing").toHaveCount(0);

  // The link worked once.
  await colleague.goto(link);
  await expect(colleague.getByRole("heading", { name: "This invitation was already used" })).toBeVisible();

  // The owner hands the client over to the new clinician.
  await page.goto(`/clients/${client.id}`);
  await page.getByText("Hand over to another clinician").click();
  await page.getByLabel("New clinician").selectOption({ label: name });
  await page.getByRole("button", { name: "Hand over", exact: true }).click();
  await expect(page.getByText(`Handed over to ${name}.`)).toBeVisible();

  // The new clinician has the client; the record is theirs to change.
  await colleague.goto("/clients");
  await colleague.getByRole("link", { name: client.displayName }).click();
  await expect(colleague.getByRole("heading", { level: 1, name: client.displayName })).toBeVisible();
  await expect(colleague.getByRole("button", { name: "Create a new invitation link" })).toBeVisible();
  const stored = await db.client.findUniqueOrThrow({ where: { id: client.id }, select: { therapistId: true } });
  const joined = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, practiceRole: true, practiceId: true } });
  expect(stored.therapistId).toBe(joined.id);
  expect(joined).toMatchObject({ practiceRole: "CLINICIAN", practiceId: owner.practiceId });
});

test("a clinician finds no members or settings pages, and a colleague's client is not found until handed over", async ({ page }) => {
  const owner = await demoOwner();
  const clinician = await addColleague(owner);
  const ownersClient = await addClientFor(owner);
  await signInByApi(page.request, clinician);

  for (const path of ["/practice/members", "/practice/settings", `/clients/${ownersClient.id}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
});

test("on a phone (375 px) the owner's navigation reaches Practice without the page scrolling sideways", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await signInByApi(page.request, await demoOwner());
  await page.goto("/practice/settings");
  await expect(page.getByRole("heading", { level: 2, name: "Settings" })).toBeVisible();
  const practice = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Practice" });
  await practice.scrollIntoViewIfNeeded();
  await expect(practice).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  // Settings are validated next to their fields.
  const settings = page.getByRole("form", { name: "Practice settings" });
  await settings.getByLabel(/unacknowledged safety flag/).fill("400");
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(settings.getByText("Enter a whole number of hours from 1 to 336 (two weeks).")).toBeVisible();
});
