import type { Page } from "@playwright/test";
import { signInByApi } from "./support/auth";
import { addClientFor, createActiveClient, createTherapist, uniqueEmail, uniqueId } from "./support/factories";
import { expect, greetingFor, test } from "./support/fixtures";

const PHONE = { width: 375, height: 812 };

async function expectNoHorizontalScroll(page: Page) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `page is ${scrollWidth}px wide on a ${PHONE.width}px screen`).toBeLessThanOrEqual(PHONE.width);
}

/** Every control a person can see or reach has a name a screen reader can announce. */
async function expectNamedControls(page: Page) {
  const controls = page.locator("input, select, textarea, button").filter({ visible: true });
  const all = await controls.all();
  expect(all.length).toBeGreaterThan(0);
  for (const control of all) await expect(control).toHaveAccessibleName(/\S/);
}

test.describe("on a 375px phone", () => {
  test.use({ viewport: PHONE });

  test("the sign-in page fits and its fields are labelled", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.getByLabel("Email")).toBeVisible();
    await expect(page.getByLabel("Password")).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectNamedControls(page);
  });

  test("the client list fits, with long names and an invitation link on screen", async ({ page }) => {
    const therapist = await createTherapist({ name: `Dr Maximiliana Featherstonehaugh-Worthington ${uniqueId()}` });
    await addClientFor(therapist, {
      displayName: `Bartholomew Alexander Montgomery-Fitzwilliam ${uniqueId()}`,
      email: uniqueEmail("a-very-long-mailbox-name-that-goes-on-and-on"),
    });
    await signInByApi(page.request, therapist);
    await page.goto("/clients");
    await expect(page.getByRole("heading", { level: 1, name: "Clients" })).toBeVisible();
    await expect(page.getByTestId("client-row")).toHaveCount(1);

    const form = page.getByRole("form", { name: "Add a client" });
    await form.getByLabel("Name", { exact: true }).fill(`Sam ${uniqueId()}`);
    await form.getByLabel("Email").fill(uniqueEmail("client"));
    await expect(form.getByLabel("Client’s time zone")).toBeVisible();
    await form.getByRole("button", { name: "Add client and create link" }).click();
    await expect(page.getByTestId("invitation-link")).toBeVisible();

    await expectNoHorizontalScroll(page);
    await expectNamedControls(page);
  });

  test("the portal home fits", async ({ page }) => {
    const therapist = await createTherapist({ practiceName: `The Long-Named Centre for Relational Repair ${uniqueId()}` });
    const client = await createActiveClient(therapist);
    await signInByApi(page.request, client);
    await page.goto("/portal");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(greetingFor(client.displayName));
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectNamedControls(page);
  });
});

test("on sign-in the keyboard goes email → password → Sign in, and Enter signs in", async ({ page }) => {
  const therapist = await createTherapist();
  await page.goto("/sign-in");
  const email = page.getByLabel("Email");
  const password = page.getByLabel("Password");
  const submit = page.getByRole("button", { name: "Sign in" });
  await expect(submit).toBeVisible();

  await page.keyboard.press("Tab");
  await expect(email, "the first Tab stop is the email field").toBeFocused();
  await page.keyboard.type(therapist.email);
  await page.keyboard.press("Tab");
  await expect(password).toBeFocused();
  await page.keyboard.type(therapist.password);
  await page.keyboard.press("Tab");
  await expect(submit).toBeFocused();

  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { level: 1, name: "Caseload" })).toBeVisible();
});
