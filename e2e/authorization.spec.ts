import { randomUUID } from "node:crypto";
import type { Locator } from "@playwright/test";
import { db } from "@/lib/db";
import { signInByApi } from "./support/auth";
import { addClientFor, createActiveClient, createTherapist, uniqueId } from "./support/factories";
import { escapeRegExp, expect, greetingFor, NOT_FOUND_MESSAGE, NOT_FOUND_PAGE, test } from "./support/fixtures";

/** Shaped like a real (cuid) client id, but no row has it. */
const missingClientId = () => `c${randomUUID().replaceAll("-", "").slice(0, 24)}`;

async function clientState(clientId: string) {
  return db.client.findUniqueOrThrow({
    where: { id: clientId },
    select: { status: true, archivedAt: true, invitations: { select: { revokedAt: true, usedAt: true } } },
  });
}

/** Points a form's hidden clientId at another record in the DOM, as a hand-crafted request would. */
async function retarget(form: Locator, clientId: string) {
  const input = form.locator('input[type="hidden"][name="clientId"]');
  await expect(input).toHaveCount(1);
  await input.evaluate((element, id) => {
    (element as HTMLInputElement).value = id;
  }, clientId);
  await expect(input).toHaveValue(clientId);
}

test.describe("another therapist's client", () => {
  test("cannot be opened by URL, and nothing about them leaks", async ({ page }) => {
    const a = await createTherapist();
    const aClient = await addClientFor(a, { displayName: `Private Person ${uniqueId()}` });
    const b = await createTherapist();
    const bClient = await addClientFor(b);
    await signInByApi(page.request, b);

    // B's own client opens, so the refusal below is about ownership, not the page.
    await page.goto(`/clients/${bClient.id}`);
    await expect(page.getByRole("heading", { level: 1, name: bClient.displayName })).toBeVisible();

    const response = await page.goto(`/clients/${aClient.id}`);
    await expect(page.getByRole("heading", { name: NOT_FOUND_PAGE })).toBeVisible();
    const body = (await response?.text()) ?? "";
    const rendered = await page.content();
    for (const secret of [aClient.displayName, aClient.email]) {
      expect(body, "server response").not.toContain(secret);
      expect(rendered, "rendered page").not.toContain(secret);
    }

    // Indistinguishable from an id that does not exist at all.
    const missing = await page.goto(`/clients/${missingClientId()}`);
    await expect(page.getByRole("heading", { name: NOT_FOUND_PAGE })).toBeVisible();
    expect(missing?.status()).toBe(response?.status());
    // A real 404, not a streamed 200 with a not-found page in it.
    expect(response?.status()).toBe(404);
  });

  test("cannot be archived by posting its id through one's own archive form", async ({ page }) => {
    const a = await createTherapist();
    const aClient = await addClientFor(a);
    const b = await createTherapist();
    const bClient = await addClientFor(b);
    await signInByApi(page.request, b);

    const archiveForm = page.locator("details form").filter({ has: page.getByRole("button", { name: "Archive client" }) });
    const submit = async (clientId: string) => {
      await page.goto(`/clients/${bClient.id}`);
      await page.getByText(`Archive ${bClient.displayName}`).click();
      await retarget(archiveForm, clientId);
      const sent = page.waitForRequest((request) => request.method() === "POST" && (request.postData() ?? "").includes(clientId));
      await archiveForm.getByRole("button", { name: "Archive client" }).click();
      await sent;
      const alert = archiveForm.getByRole("alert");
      await expect(alert).toHaveText(NOT_FOUND_MESSAGE);
      return alert.textContent();
    };

    const forOtherTherapists = await submit(aClient.id);
    const aAfter = await clientState(aClient.id);
    expect(aAfter.status).toBe("INVITED");
    expect(aAfter.archivedAt).toBeNull();
    expect(aAfter.invitations).toEqual([{ revokedAt: null, usedAt: null }]);
    expect((await clientState(bClient.id)).status).toBe("INVITED");

    // Someone else's client reads exactly like one that does not exist.
    const forMissing = await submit(missingClientId());
    expect(forOtherTherapists).toBe(forMissing);
  });

  test("cannot get a new invitation link through one's own “New invitation link” form", async ({ page }) => {
    const a = await createTherapist();
    const aClient = await addClientFor(a);
    const b = await createTherapist();
    const bClient = await addClientFor(b);
    await signInByApi(page.request, b);

    await page.goto(`/clients/${bClient.id}`);
    const renewButton = page.getByRole("button", { name: "Create a new invitation link" });
    await retarget(page.locator("form").filter({ has: renewButton }), aClient.id);
    const sent = page.waitForRequest((request) => request.method() === "POST" && (request.postData() ?? "").includes(aClient.id));
    await renewButton.click();
    await sent;

    await expect(page.getByRole("main").getByRole("alert").filter({ hasText: /\S/ })).toHaveText(NOT_FOUND_MESSAGE);
    await expect(page.getByTestId("invitation-link")).toHaveCount(0);
    const aAfter = await clientState(aClient.id);
    expect(aAfter.invitations, "A's only link is untouched and no new one exists").toEqual([{ revokedAt: null, usedAt: null }]);

    // A's original link still works for A's client.
    await page.goto(`/invite/${aClient.token}`);
    await expect(page.getByRole("heading", { name: `Welcome, ${aClient.displayName}` })).toBeVisible();
  });
});

test.describe("areas by role", () => {
  test("a signed-in client is sent from therapist pages to the portal", async ({ page }) => {
    const therapist = await createTherapist();
    const client = await createActiveClient(therapist);
    await signInByApi(page.request, client);

    for (const path of ["/clients", "/account", `/clients/${client.id}`]) {
      await page.goto(path);
      await expect(page, `visiting ${path}`).toHaveURL(/\/portal$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(greetingFor(client.displayName));
    }
  });

  test("a signed-in therapist is sent from the portal to their caseload", async ({ page }) => {
    const therapist = await createTherapist();
    await signInByApi(page.request, therapist);

    for (const path of ["/portal", "/portal/account"]) {
      await page.goto(path);
      await expect(page, `visiting ${path}`).toHaveURL(/\/dashboard$/);
      await expect(page.getByRole("heading", { level: 1, name: "Caseload" })).toBeVisible();
    }
  });

  test("a signed-out visitor is sent to sign in", async ({ page }) => {
    for (const path of ["/clients", "/account", "/portal"]) {
      await page.goto(path);
      await expect(page, `visiting ${path}`).toHaveURL(new RegExp(`/sign-in\\?next=${escapeRegExp(encodeURIComponent(path))}$`));
      await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    }
  });
});

test("changing the password signs out the user's other sessions but not this one", async ({ page, newPage }) => {
  const therapist = await createTherapist();
  const client = await createActiveClient(therapist);
  const newPassword = "a brand new passphrase";

  await signInByApi(page.request, client);
  const otherDevice = await newPage();
  await signInByApi(otherDevice.request, client);
  await otherDevice.goto("/portal");
  await expect(otherDevice.getByRole("heading", { level: 1 })).toHaveText(greetingFor(client.displayName));

  await page.goto("/portal/account");
  await page.getByLabel("Current password").fill(client.password);
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("New password again").fill(newPassword);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/portal\/account\?changed=1$/);
  await expect(page.getByRole("status").filter({ hasText: "Password changed" })).toBeVisible();

  await otherDevice.goto("/portal");
  await expect(otherDevice).toHaveURL(/\/sign-in\?reason=signed-out$/);
  await expect(otherDevice.getByText("Your session has ended. Please sign in again.")).toBeVisible();

  await page.goto("/portal");
  await expect(page).toHaveURL(/\/portal$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(greetingFor(client.displayName));
});
