import { db } from "@/lib/db";
import { signInByApi } from "./support/auth";
import { linkFromOutbox } from "./support/outbox";
import { addClientFor, createTherapist, uniqueEmail, uniqueId } from "./support/factories";
import { expect, test } from "./support/fixtures";
import { expectFieldError, expectNoFieldError } from "./support/forms";

// Every test here also fails if any response had a 5xx status (see the serverErrors fixture).

test.describe("sign-up", () => {
  test("a bad email and a short password are flagged next to their fields; the rest is kept", async ({ page }) => {
    const id = uniqueId();
    const name = `Dr Mira Lund ${id}`;
    const practice = `Harbour Therapy ${id}`;
    await page.goto("/sign-up");
    await page.getByLabel("Your name").fill(name);
    await page.getByLabel("Practice name").fill(practice);
    await page.getByLabel("Email").fill("mira.example.com");
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create practice" }).click();

    await expectFieldError(page.getByLabel("Email"), "Enter a valid email address, like name@example.com.");
    await expectFieldError(page.getByLabel("Password"), "Use at least 12 characters.");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Please check the highlighted fields.");
    await expect(page).toHaveURL(/\/sign-up$/);

    await expect(page.getByLabel("Your name")).toHaveValue(name);
    await expect(page.getByLabel("Practice name")).toHaveValue(practice);
    await expect(page.getByLabel("Email")).toHaveValue("mira.example.com");
    await expect(page.getByLabel("Password"), "passwords are never echoed back").toHaveValue("");
    await expectNoFieldError(page.getByLabel("Your name"));
    await expectNoFieldError(page.getByLabel("Practice name"));
    expect(await db.practice.count({ where: { name: practice } })).toBe(0);
  });

  test("an email that already has an account gets the same answer as a new one, and nothing is created", async ({ page }) => {
    const existing = await createTherapist();
    const practice = `Second Practice ${uniqueId()}`;
    await page.goto("/sign-up");
    await page.getByLabel("Your name").fill("Someone Else");
    await page.getByLabel("Practice name").fill(practice);
    await page.getByLabel("Email").fill(existing.email.toUpperCase());
    await page.getByLabel("Password").fill("a long enough password");
    await page.getByRole("button", { name: "Create practice" }).click();

    // Nobody learns from sign-up who has an account: the usual notice, no field error.
    await expect(page.getByTestId("check-email")).toContainText(/^Check your e-mail to continue\./);
    await expect(page.getByLabel("Email")).toHaveCount(0);
    expect(await db.practice.count({ where: { name: practice } }), "no practice is made for a taken address").toBe(0);
    expect(await db.accountRequest.count({ where: { email: existing.email } })).toBe(0);
  });
});

test.describe("sign-in", () => {
  test("a wrong password and an unknown email get the same generic message", async ({ page }) => {
    const therapist = await createTherapist();

    const attempt = async (email: string, password: string) => {
      await page.goto("/sign-in");
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Sign in" }).click();
      const alert = page.getByRole("main").getByRole("alert");
      await expect(alert).not.toBeEmpty();
      await expect(page).toHaveURL(/\/sign-in$/);
      await expect(page.getByLabel("Email")).toHaveValue(email);
      await expect(page.getByLabel("Password")).toHaveValue("");
      return alert.innerText();
    };

    const wrongPassword = await attempt(therapist.email, "not the right password");
    expect(wrongPassword).toBe("That email and password don’t match an account. Check them and try again.");
    const unknownEmail = await attempt(uniqueEmail("nobody"), "not the right password");
    expect(unknownEmail).toBe(wrongPassword);
  });

  test("empty fields are flagged next to each field", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expectFieldError(page.getByLabel("Email"), "Enter an email address.");
    await expectFieldError(page.getByLabel("Password"), "Enter your password.");
  });
});

test.describe("add client", () => {
  test("an empty name and an invalid email are flagged; what was typed is kept", async ({ page }) => {
    const therapist = await createTherapist();
    await signInByApi(page.request, therapist);
    await page.goto("/clients");

    const form = page.getByRole("form", { name: "Add a client" });
    await form.getByLabel("Email").fill("sam.example.com");
    await form.getByRole("button", { name: "Add client and create link" }).click();

    await expectFieldError(form.getByLabel("Name", { exact: true }), "Enter a name.");
    await expectFieldError(form.getByLabel("Email"), "Enter a valid email address, like name@example.com.");
    await expect(form.getByLabel("Email")).toHaveValue("sam.example.com");
    await expect(page.getByTestId("invitation-link")).toHaveCount(0);
    expect(await db.client.count({ where: { therapistId: therapist.id } })).toBe(0);
  });

  test("adding the same client email twice says so on the email field", async ({ page }) => {
    const therapist = await createTherapist();
    const existing = await addClientFor(therapist);
    await signInByApi(page.request, therapist);
    await page.goto("/clients");

    const form = page.getByRole("form", { name: "Add a client" });
    const name = `Another Name ${uniqueId()}`;
    await form.getByLabel("Name", { exact: true }).fill(name);
    // Emails are compared case-insensitively.
    await form.getByLabel("Email").fill(existing.email.toUpperCase());
    await form.getByRole("button", { name: "Add client and create link" }).click();

    await expectFieldError(form.getByLabel("Email"), "You already have a client with this email address.");
    await expect(form.getByLabel("Name", { exact: true })).toHaveValue(name);
    await expect(page.getByTestId("invitation-link")).toHaveCount(0);
    await expect(page.getByTestId("client-row")).toHaveCount(1);
    expect(await db.client.count({ where: { therapistId: therapist.id } })).toBe(1);
  });
});

test.describe("a chosen time zone survives a validation error", () => {
  test("on sign-up", async ({ page }) => {
    const email = uniqueEmail("therapist");
    await page.goto("/sign-up");
    await page.getByLabel("Your name").fill("Dr Kenji Mori");
    await page.getByLabel("Practice name").fill(`Tokyo Practice ${uniqueId()}`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("short");
    await page.getByLabel("Your time zone").selectOption("Asia/Tokyo");
    await page.getByRole("button", { name: "Create practice" }).click();
    await expectFieldError(page.getByLabel("Password"), "Use at least 12 characters.");
    await expect.soft(page.getByLabel("Your time zone")).toHaveValue("Asia/Tokyo");

    // Fixing only the password must create the account in the zone that was chosen.
    await page.getByLabel("Password").fill("a long enough password");
    await page.getByRole("button", { name: "Create practice" }).click();
    await expect(page.getByTestId("check-email")).toBeVisible();
    await page.goto(new URL(await linkFromOutbox(email, "/confirm")).pathname);
    await page.getByLabel("Your password").fill("a long enough password");
    await page.getByRole("button", { name: "Confirm and sign in" }).click();
    await expect(page).toHaveURL(/\/clients$/);
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { timeZone: true } });
    expect(user.timeZone).toBe("Asia/Tokyo");
  });

  test("on add client", async ({ page }) => {
    const therapist = await createTherapist({ timeZone: "Europe/London" });
    await signInByApi(page.request, therapist);
    await page.goto("/clients");

    const form = page.getByRole("form", { name: "Add a client" });
    const email = uniqueEmail("client");
    await form.getByLabel("Name", { exact: true }).fill(`Yuki ${uniqueId()}`);
    await form.getByLabel("Email").fill(email.replace("@", " at "));
    await form.getByLabel("Client’s time zone").selectOption("Asia/Tokyo");
    await form.getByRole("button", { name: "Add client and create link" }).click();
    await expectFieldError(form.getByLabel("Email"), "Enter a valid email address, like name@example.com.");
    await expect.soft(form.getByLabel("Client’s time zone")).toHaveValue("Asia/Tokyo");

    // Fixing only the email must add the client in the zone that was chosen.
    await form.getByLabel("Email").fill(email);
    await form.getByRole("button", { name: "Add client and create link" }).click();
    await expect(page.getByTestId("invitation-link")).toBeVisible();
    const client = await db.client.findFirstOrThrow({ where: { therapistId: therapist.id, email }, select: { timeZone: true } });
    expect(client.timeZone, "due dates follow the client's zone, so it must be the one chosen").toBe("Asia/Tokyo");
  });
});

test("accepting an invitation: a short password and a mismatch are flagged, passwords are not kept", async ({ page }) => {
  const therapist = await createTherapist();
  const client = await addClientFor(therapist);
  await page.goto(`/invite/${client.token}`);
  const password = page.getByLabel("Choose a password");
  const again = page.getByLabel("Type it again");

  await password.fill("short");
  await again.fill("different");
  await page.getByRole("button", { name: "Join and continue" }).click();
  await expectFieldError(password, "Use at least 12 characters.");
  await expectFieldError(again, "The two passwords do not match.");
  await expect(password).toHaveValue("");
  await expect(again).toHaveValue("");

  await password.fill("a long enough password");
  await again.fill("a long enough passwort");
  await page.getByRole("button", { name: "Join and continue" }).click();
  await expectNoFieldError(password);
  await expectFieldError(again, "The two passwords do not match.");
  await expect(page.getByRole("heading", { name: `Welcome, ${client.displayName}` })).toBeVisible();

  const stored = await db.client.findUniqueOrThrow({ where: { id: client.id }, select: { status: true, userId: true } });
  expect(stored).toEqual({ status: "INVITED", userId: null });
});

test("changing the password with the wrong current password is refused on that field", async ({ page }) => {
  const therapist = await createTherapist();
  await signInByApi(page.request, therapist);
  await page.goto("/account");

  const current = page.getByLabel("Current password");
  const next = page.getByLabel("New password", { exact: true });
  const again = page.getByLabel("New password again");
  await current.fill("this is not my password");
  await next.fill("a perfectly fine new one");
  await again.fill("a perfectly fine new one");
  await page.getByRole("button", { name: "Change password" }).click();

  await expectFieldError(current, "That is not your current password.");
  await expectNoFieldError(next);
  for (const field of [current, next, again]) await expect(field).toHaveValue("");
  await expect(page).toHaveURL(/\/account$/);

  const user = await db.user.findUniqueOrThrow({ where: { id: therapist.id }, select: { sessionVersion: true } });
  expect(user.sessionVersion, "no session was ended").toBe(0);
  await page.goto("/clients");
  await expect(page.getByRole("heading", { level: 1, name: "Clients" })).toBeVisible();
});
