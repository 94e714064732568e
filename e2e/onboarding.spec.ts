import { devices } from "@playwright/test";
import { signInByApi } from "./support/auth";
import { createTherapist, uniqueEmail, uniqueId } from "./support/factories";
import { expect, greetingFor, test, watchServerErrors } from "./support/fixtures";
import { linkFromOutbox } from "./support/outbox";

const CHECK_EMAIL = /^Check your e-mail to continue\./;

test("a new therapist signs up, invites a client who joins on their phone, and then sees them as active", async ({
  page,
  browser,
  baseURL,
  serverErrors,
}) => {
  const id = uniqueId();
  const therapist = {
    name: `Dr Rowan Hale ${id}`,
    practice: `Riverside Counselling ${id}`,
    email: uniqueEmail("therapist"),
    password: "a long enough sentence",
  };
  const client = { name: `Sam-${id} Ortiz`, email: uniqueEmail("client"), password: "my own secret phrase" };

  await test.step("the therapist signs up through the form", async () => {
    await page.goto("/sign-up");
    await page.getByLabel("Your name").fill(therapist.name);
    await page.getByLabel("Practice name").fill(therapist.practice);
    await page.getByLabel("Email").fill(therapist.email);
    await page.getByLabel("Password").fill(therapist.password);
    await page.getByLabel("Your time zone").selectOption("Europe/London");
    await page.getByRole("button", { name: "Create practice" }).click();
    await expect(page.getByTestId("check-email")).toContainText(CHECK_EMAIL);
  });

  await test.step("the therapist opens the link from their e-mail and confirms with their password", async () => {
    const confirm = await linkFromOutbox(therapist.email, "/confirm");
    await page.goto(new URL(confirm).pathname);
    await expect(page.getByRole("heading", { name: "Confirm your e-mail address" })).toBeVisible();
    await page.getByLabel("Your password").fill(therapist.password);
    await page.getByRole("button", { name: "Confirm and sign in" }).click();

    await expect(page).toHaveURL(/\/clients$/);
    await expect(page.getByRole("heading", { level: 1, name: "Clients" })).toBeVisible();
    await expect(page.getByText("No clients yet")).toBeVisible();
  });

  let link = "";
  await test.step("the therapist adds a client and gets an invitation link", async () => {
    const form = page.getByRole("form", { name: "Add a client" });
    await form.getByLabel("Name", { exact: true }).fill(client.name);
    await form.getByLabel("Email").fill(client.email);
    await form.getByLabel("Client’s time zone").selectOption("America/New_York");
    await form.getByRole("button", { name: "Add client and create link" }).click();

    const linkInput = page.getByTestId("invitation-link");
    await expect(linkInput).toHaveValue(/^http:\/\/[^/]+\/invite\/[A-Za-z0-9_-]{43}$/);
    link = await linkInput.inputValue();
    const row = page.getByTestId("client-row").filter({ hasText: client.name });
    await expect(row).toContainText("Invited");
    await expect(row).toContainText(client.email);
  });

  await test.step("the client opens the link on their phone, sets a password and confirms it from their e-mail", async () => {
    const phone = await browser.newContext({ ...devices["Pixel 7"], baseURL });
    watchServerErrors(phone, serverErrors);
    const clientPage = await phone.newPage();
    await clientPage.goto(link);
    await expect(clientPage.getByRole("heading", { name: `Welcome, ${client.name}` })).toBeVisible();
    await expect(clientPage.getByText(therapist.name)).toBeVisible();
    await expect(clientPage.getByText(client.email)).toBeVisible();

    await clientPage.getByLabel("Choose a password").fill(client.password);
    await clientPage.getByLabel("Type it again").fill(client.password);
    await clientPage.getByRole("button", { name: "Join and continue" }).click();
    await expect(clientPage.getByTestId("check-email")).toContainText(CHECK_EMAIL);
    await expect(clientPage).toHaveURL(link);

    const confirm = await linkFromOutbox(client.email, "/confirm");
    await clientPage.goto(new URL(confirm).pathname);
    await expect(clientPage.getByText(client.email)).toBeVisible();
    await clientPage.getByLabel("Your password").fill(client.password);
    await clientPage.getByRole("button", { name: "Confirm and sign in" }).click();

    await expect(clientPage).toHaveURL(/\/portal$/);
    await expect(clientPage.getByRole("heading", { level: 1 })).toHaveText(greetingFor(client.name));
    await expect(clientPage.getByText(`shared with ${therapist.name} at ${therapist.practice}`)).toBeVisible();
    const width = await clientPage.evaluate(() => document.documentElement.scrollWidth);
    expect(width, "nothing overflows the phone's screen").toBeLessThanOrEqual(clientPage.viewportSize()!.width);
    await phone.close();
  });

  await test.step("the therapist reloads the client list and sees the client as active", async () => {
    await page.reload();
    const row = page.getByTestId("client-row").filter({ hasText: client.name });
    await expect(row).toContainText("Active");
    await expect(row).not.toContainText("Invited");
    await expect(row.getByRole("button", { name: "New invitation link" })).toHaveCount(0);
    await expect(page.getByText("1 active · 0 waiting to join")).toBeVisible();
  });
});

test("signing out ends the session", async ({ page }) => {
  const therapist = await createTherapist();
  await signInByApi(page.request, therapist);
  await page.goto("/clients");
  await expect(page.getByRole("heading", { level: 1, name: "Clients" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in(\?|$)/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

  await page.goto("/clients");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fclients$/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(page.getByText(therapist.name)).toHaveCount(0);
});
