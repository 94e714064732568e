import { db } from "@/lib/db";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";
import { signInByApi } from "./support/auth";
import { addClientFor, createTherapist, PASSWORD } from "./support/factories";
import { expect, NOT_FOUND_PAGE, test } from "./support/fixtures";

/** Changes every character of the token's tail, keeping its length and alphabet. */
function tamper(token: string): string {
  const tail = [...token.slice(-6)].map((char) => (char === "A" ? "B" : "A")).join("");
  return token.slice(0, -6) + tail;
}

test("an invitation link that was already used shows a clear page, not an error", async ({ page }) => {
  const therapist = await createTherapist();
  const client = await addClientFor(therapist);
  await acceptInvitation({ token: client.token, password: PASSWORD });

  const response = await page.goto(`/invite/${client.token}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "This invitation was already used" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to sign in" })).toBeVisible();
  await expect(page.getByLabel("Choose a password")).toHaveCount(0);
  await expect(page.getByText(client.displayName)).toHaveCount(0);
});

test("a form left open on a link that is used meanwhile says so instead of failing", async ({ page }) => {
  const therapist = await createTherapist();
  const client = await addClientFor(therapist);
  await page.goto(`/invite/${client.token}`);
  await expect(page.getByRole("heading", { name: `Welcome, ${client.displayName}` })).toBeVisible();

  // Accepted elsewhere (say, on the client's phone) while this tab stays open.
  await acceptInvitation({ token: client.token, password: PASSWORD });

  await page.getByLabel("Choose a password").fill("a different long password");
  await page.getByLabel("Type it again").fill("a different long password");
  await page.getByRole("button", { name: "Join and continue" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("This invitation link can no longer be used.");
  await expect(page).toHaveURL(new RegExp(`/invite/${client.token}$`));
  expect(await db.user.count({ where: { email: client.email } })).toBe(1);
});

test("a tampered link says it doesn’t work, while the real one still does", async ({ page }) => {
  const therapist = await createTherapist();
  const client = await addClientFor(therapist);
  const tampered = tamper(client.token);
  expect(tampered).not.toBe(client.token);

  const response = await page.goto(`/invite/${tampered}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: /^This link doesn[’']t work$/ })).toBeVisible();
  await expect(page.getByLabel("Choose a password")).toHaveCount(0);
  await expect(page.getByText(client.displayName)).toHaveCount(0);

  await page.goto(`/invite/${client.token}`);
  await expect(page.getByRole("heading", { name: `Welcome, ${client.displayName}` })).toBeVisible();
});

test("an expired invitation says it has expired", async ({ page }) => {
  const therapist = await createTherapist();
  const client = await addClientFor(therapist);
  const updated = await db.invitation.updateMany({
    where: { clientId: client.id, usedAt: null, revokedAt: null },
    data: { expiresAt: new Date(Date.now() - 60_000) },
  });
  expect(updated.count).toBe(1);

  const response = await page.goto(`/invite/${client.token}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "This invitation has expired" })).toBeVisible();
  await expect(page.getByText("Please ask your therapist to send you a new one.")).toBeVisible();
  await expect(page.getByLabel("Choose a password")).toHaveCount(0);
});

test("after “New invitation link” the old link is no longer active and the new one works", async ({ page, newPage }) => {
  const therapist = await createTherapist();
  const client = await addClientFor(therapist);
  await signInByApi(page.request, therapist);

  await page.goto("/clients");
  const row = page.getByTestId("client-row").filter({ hasText: client.displayName });
  await row.getByRole("button", { name: "New invitation link" }).click();
  const linkInput = row.getByTestId("invitation-link");
  await expect(linkInput).toHaveValue(/\/invite\/[A-Za-z0-9_-]{43}$/);
  const newLink = await linkInput.inputValue();
  expect(newLink).not.toContain(client.token);

  const visitor = await newPage();
  const response = await visitor.goto(`/invite/${client.token}`);
  expect(response?.status()).toBe(200);
  await expect(visitor.getByRole("heading", { name: "This invitation is no longer active" })).toBeVisible();
  await expect(visitor.getByLabel("Choose a password")).toHaveCount(0);

  await visitor.goto(newLink);
  await expect(visitor.getByRole("heading", { name: `Welcome, ${client.displayName}` })).toBeVisible();
});

test("a link with malformed percent-encoding is a 404, not a server error", async ({ page }) => {
  const response = await page.goto("/invite/%E0%A4%A");
  expect(response?.url()).toMatch(/\/invite\/%E0%A4%A$/);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: NOT_FOUND_PAGE })).toBeVisible();

  // The same request without a browser in between, as a link checker would send it.
  const direct = await page.request.get("/invite/%E0%A4%A");
  expect(direct.status()).toBe(404);
});
