import type { Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { db } from "@/lib/db";
import { signInByApi } from "./support/auth";
import { createTherapist, type TestTherapist } from "./support/factories";
import { expect, test } from "./support/fixtures";

const PHONE = { width: 375, height: 812 };
const STEP_MS = 30_000;
const RECOVERY_CODE = /^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/;

/**
 * Plays the authenticator app: codes computed from the setup key shown on the
 * page. Each code is for a newer time step than the last one used (the server
 * refuses a step twice), taking the next step early when needed, which the
 * server accepts as one step of clock drift.
 */
function authenticatorApp(setupKey: string) {
  const totp = new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(setupKey) });
  let lastStep = -1;
  return {
    nextCode() {
      const step = Math.max(Math.floor(Date.now() / STEP_MS), lastStep + 1);
      lastStep = step;
      return totp.generate({ timestamp: step * STEP_MS });
    },
    /** A code no nearby time step has. */
    wrongCode() {
      const near = [-1, 0, 1].map((offset) => totp.generate({ timestamp: Date.now() + offset * STEP_MS }));
      return ["000000", "111111", "222222", "333333"].find((code) => !near.includes(code))!;
    },
  };
}

async function readSetupKey(page: Page) {
  const text = await page.getByTestId("two-factor-setup-key").textContent();
  const key = (text ?? "").replace(/\s/g, "");
  expect(key).toMatch(/^[A-Z2-7]{32}$/);
  return key;
}

/** Turns on two-step sign-in from the QR step; returns the app and the recovery codes shown. */
async function confirmEnrolment(page: Page) {
  await expect(page.getByRole("img", { name: "QR code to scan with your authenticator app" })).toBeVisible();
  const app = authenticatorApp(await readSetupKey(page));
  await page.getByLabel("Code from your authenticator app").fill(app.nextCode());
  await page.getByRole("button", { name: "Turn on two-step sign-in" }).click();

  const list = page.getByRole("list", { name: "Recovery codes" });
  await expect(list.getByRole("listitem")).toHaveCount(10);
  const codes = await list.getByRole("listitem").allTextContents();
  for (const code of codes) expect(code).toMatch(RECOVERY_CODE);
  expect(new Set(codes).size).toBe(10);
  return { app, codes };
}

async function signInWithPassword(page: Page, therapist: TestTherapist) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(therapist.email);
  await page.getByLabel("Password").fill(therapist.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("Code from your authenticator app")).toBeVisible();
  // The password stays in memory: never in the address or the browser's storage.
  expect(page.url()).not.toContain(encodeURIComponent(therapist.password));
  const stored = await page.evaluate(() => JSON.stringify({ ...window.localStorage }) + JSON.stringify({ ...window.sessionStorage }));
  expect(stored).not.toContain(therapist.password);
  await expect(page.locator(`input[value="${therapist.password}"]`)).toHaveCount(0);
}

test("a therapist turns on two-step sign-in, then signs in with a code; a recovery code works once", async ({
  page,
  newPage,
}) => {
  const therapist = await createTherapist();
  await signInByApi(page.request, therapist);

  let app!: ReturnType<typeof authenticatorApp>;
  let codes: string[] = [];
  await test.step("set up on the account page: QR code, setup key, first code, 10 recovery codes", async () => {
    await page.goto("/account");
    await page.getByRole("button", { name: "Set up two-step sign-in" }).click();
    ({ app, codes } = await confirmEnrolment(page));
    await page.getByRole("button", { name: "I’ve saved my codes" }).click();
    await expect(page.getByText(/^On since .* 10 of 10 recovery codes left\.$/)).toBeVisible();
  });

  await test.step("sign out, then in with the password and a fresh code", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await signInWithPassword(page, therapist);

    await page.getByLabel("Code from your authenticator app").fill(app.wrongCode());
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText(/^That code didn’t work\./).first()).toBeVisible();

    await page.getByLabel("Code from your authenticator app").fill(app.nextCode());
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
  });

  await test.step("a recovery code signs in once, and fails the second time", async () => {
    const first = await newPage();
    await signInWithPassword(first, therapist);
    await first.getByRole("button", { name: "Use a recovery code instead" }).click();
    await first.getByLabel("Recovery code").fill(codes[0]!.toUpperCase());
    await first.getByRole("button", { name: "Sign in" }).click();
    await expect(first).toHaveURL(/\/dashboard$/);

    const second = await newPage();
    await signInWithPassword(second, therapist);
    await second.getByRole("button", { name: "Use a recovery code instead" }).click();
    await second.getByLabel("Recovery code").fill(codes[0]!);
    await second.getByRole("button", { name: "Sign in" }).click();
    await expect(second.getByText(/^That code didn’t work\./).first()).toBeVisible();
    await expect(second).toHaveURL(/\/sign-in/);

    await page.goto("/account");
    await expect(page.getByText(/9 of 10 recovery codes left\.$/)).toBeVisible();
  });
});

test.describe("on a 375px phone", () => {
  test.use({ viewport: PHONE });

  test("a practice that requires two-step sign-in sends its therapist to set it up first", async ({ page }, testInfo) => {
    const therapist = await createTherapist();
    await db.practice.update({ where: { id: therapist.practiceId }, data: { requireTwoFactor: true } });
    await signInByApi(page.request, therapist);

    await page.goto("/clients");
    await expect(page).toHaveURL(/\/account\/two-factor$/);
    await expect(page.getByRole("heading", { level: 1, name: "Set up two-step sign-in" })).toBeVisible();
    await expect(page.getByText(/Your practice asks every therapist/)).toBeVisible();
    await page.getByRole("button", { name: "Set up two-step sign-in" }).click();
    await expect(page.getByRole("img", { name: "QR code to scan with your authenticator app" })).toBeVisible();

    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth, `page is ${scrollWidth}px wide on a ${PHONE.width}px screen`).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: testInfo.outputPath("two-factor-enrolment-phone.png"), fullPage: true });

    await confirmEnrolment(page);
    await page.getByRole("button", { name: "I’ve saved my codes" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
  });
});
