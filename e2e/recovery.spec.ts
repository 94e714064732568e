import type { Page } from "@playwright/test";
import { db } from "@/lib/db";
import { signInByApi } from "./support/auth";
import { addClientFor, createActiveClient, createTherapist, PASSWORD, uniqueEmail, uniqueId } from "./support/factories";
import { expect, test } from "./support/fixtures";
import { linkFromOutbox, mailTo } from "./support/outbox";

const SIGN_IN_REFUSED = "That email and password don’t match an account. Check them and try again.";

async function signInThroughForm(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("forgot password: the link from the e-mail sets a new password, the old one stops working, other sessions end", async ({
  page,
  newPage,
}) => {
  const therapist = await createTherapist();
  const otherDevice = await newPage();
  await signInByApi(otherDevice.request, therapist);
  await otherDevice.goto("/clients");
  await expect(otherDevice.getByRole("heading", { level: 1, name: "Clients" })).toBeVisible();
  const newPassword = `fresh meadow lantern ${uniqueId()}`;

  await test.step("ask for a link from the sign-in page", async () => {
    await page.goto("/sign-in");
    await page.getByRole("link", { name: "Forgot password?" }).click();
    await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
    await page.getByLabel("Email").fill(therapist.email);
    await page.getByRole("button", { name: "Send me a link" }).click();
    await expect(page.getByTestId("check-email")).toContainText("If an account exists for that address, we’ve sent a link");
  });

  const link = new URL(await linkFromOutbox(therapist.email, "/reset-password")).pathname;
  await test.step("open the link and choose a new password", async () => {
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
    await page.getByLabel("New password", { exact: true }).fill(newPassword);
    await page.getByLabel("New password again").fill(newPassword);
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect(page.getByRole("main").getByRole("status")).toHaveText("Your password has been changed, and you’ve been signed out everywhere.");
  });

  await test.step("the old password fails, the new one works", async () => {
    await signInThroughForm(page, therapist.email, therapist.password);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(SIGN_IN_REFUSED);

    await signInThroughForm(page, therapist.email, newPassword);
    await expect(page).toHaveURL(/\/(clients|dashboard)$/);
  });

  await test.step("the session on the other device has ended", async () => {
    await otherDevice.goto("/clients");
    await expect(otherDevice).toHaveURL(/\/sign-in/);
  });

  await test.step("the link works only once", async () => {
    const again = await newPage();
    await again.goto(link);
    await expect(again.getByRole("heading", { name: "This link was already used" })).toBeVisible();
    await expect(again.getByLabel("New password", { exact: true })).toHaveCount(0);
  });
});

test("asking for a reset link for an unknown address looks exactly the same", async ({ page }) => {
  const known = await createTherapist();
  const answer = async (email: string) => {
    await page.goto("/forgot-password");
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Send me a link" }).click();
    const notice = page.getByTestId("check-email");
    await expect(notice).toBeVisible();
    return page.getByRole("main").innerText();
  };

  const unknownEmail = uniqueEmail("nobody");
  expect(await answer(unknownEmail)).toBe(await answer(known.email));
  expect(await mailTo(unknownEmail)).toEqual([]);
});

test("sign-up answers the same, byte for byte, for an address that has an account and for a new one", async ({ page }) => {
  const existing = await createTherapist();
  const practice = `Second Practice ${uniqueId()}`;

  // The Server Action's own response, read on its way to the page.
  const answers: { status: number; body: string }[] = [];
  await page.route("**/sign-up", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    const response = await route.fetch();
    answers.push({ status: response.status(), body: await response.text() });
    await route.fulfill({ response });
  });

  const submit = async (email: string) => {
    await page.goto("/sign-up");
    await page.getByLabel("Your name").fill("Dr Someone Else");
    await page.getByLabel("Practice name").fill(practice);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("a long enough password");
    await page.getByRole("button", { name: "Create practice" }).click();
    await expect(page.getByTestId("check-email")).toBeVisible();
    const answer = answers.at(-1)!;
    return { ...answer, page: await page.getByRole("main").innerText() };
  };

  const taken = await submit(existing.email.toUpperCase());
  const fresh = await submit(uniqueEmail("newcomer"));

  expect(answers).toHaveLength(2);
  expect(taken.status).toBe(200);
  expect(fresh.status).toBe(taken.status);
  expect(fresh.body).toBe(taken.body);
  expect(fresh.page).toBe(taken.page);
  expect(taken.page).toContain("Check your e-mail to continue.");
  expect(taken.page).not.toMatch(/already exists|already has/i);
  expect(await db.practice.count({ where: { name: practice } }), "nothing is created before the link is opened").toBe(0);
  const [note] = await mailTo(existing.email);
  expect(note?.body).toContain("Someone tried to create a Trellis account with this address.");
});

test("an invitation to an address that has an account elsewhere looks the same and changes nothing", async ({ page, newPage }) => {
  const elsewhere = await createTherapist();
  const existing = await createActiveClient(elsewhere);
  const before = await db.user.findUniqueOrThrow({ where: { id: existing.userId } });
  const therapist = await createTherapist();
  const taken = await addClientFor(therapist, { email: existing.email });
  const free = await addClientFor(therapist);

  const join = async (p: Page, token: string) => {
    await p.goto(`/invite/${token}`);
    await p.getByLabel("Choose a password").fill("my own secret phrase");
    await p.getByLabel("Type it again").fill("my own secret phrase");
    await p.getByRole("button", { name: "Join and continue" }).click();
    await expect(p.getByTestId("check-email")).toBeVisible();
    return p.getByTestId("check-email").innerText();
  };

  const forTaken = await join(page, taken.token);
  const forFree = await join(await newPage(), free.token);

  expect(forTaken).toBe(forFree);
  expect(await db.user.findUniqueOrThrow({ where: { id: existing.userId } })).toEqual(before);
  const stored = await db.client.findUniqueOrThrow({ where: { id: taken.id }, select: { status: true, userId: true } });
  expect(stored).toEqual({ status: "INVITED", userId: null });
  const notes = await mailTo(existing.email);
  expect(notes.map((note) => note.kind)).toEqual(["account-exists"]);
  // The invited person with the existing account can still sign in as before.
  await signInByApi(page.request, { email: existing.email, password: PASSWORD });
});
