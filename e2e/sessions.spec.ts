// Sessions that really end (issue 8, failure #1), in Chromium against the
// production build: a copied cookie is dead after sign-out, on this instance
// and on a second one sharing the database; the session endpoint does not
// renew it; "Sign out everywhere else" ends another device; and a client whose
// session idles out while writing loses nothing.
import { spawn, type ChildProcess } from "node:child_process";
import { decode } from "next-auth/jwt";
import type { APIResponse, BrowserContext, Page } from "@playwright/test";
import { db } from "@/lib/db";
import { freePort } from "@/scripts/lib/free-port";
import { trellisServerArgs } from "@/scripts/server/command";
import { signInByApi } from "./support/auth";
import { createActiveClient, createTherapist, uniqueId } from "./support/factories";
import { greetingFor } from "./support/fixtures";
import { assignDueToday, createJournalExercise, expect, storedAnswers, test, TIME_ZONE } from "./support/homework-fixtures";
import { expectSaved, saveStatus } from "./support/homework-portal";

const COOKIE = "authjs.session-token";

async function sessionCookie(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find((item) => item.name === COOKIE);
  expect(cookie, "a session cookie after sign-in").toBeTruthy();
  return cookie!.value;
}

/** A fresh browser that only has the copied cookie, pointed at `baseURL`. */
async function replayIn(newContext: (baseURL: string) => Promise<BrowserContext>, baseURL: string, cookie: string): Promise<Page> {
  const context = await newContext(baseURL);
  await context.addCookies([{ name: COOKIE, value: cookie, url: baseURL, httpOnly: true, sameSite: "Lax" }]);
  return context.newPage();
}

/** What GET /api/auth/session sets: a session cookie with a token that still decodes would renew the session. */
async function renewedToken(response: APIResponse) {
  const lines = response.headersArray().filter((header) => header.name.toLowerCase() === "set-cookie").map((header) => header.value);
  const value = lines.map((line) => new RegExp(`^${COOKIE}=([^;]*)`).exec(line)?.[1]).find((item) => item);
  if (!value) return null;
  return decode({ token: value, secret: process.env.AUTH_SECRET!, salt: COOKIE }).catch(() => null);
}

/** A second server on the same build, database and secret (started as playwright.config.ts starts the first): another app instance. */
async function startSecondInstance(): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server: ChildProcess = spawn(
    process.execPath,
    trellisServerArgs("start", { port, hostname: "127.0.0.1" }),
    { env: { ...process.env, NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-test" }, stdio: "ignore" },
  );
  const stop = () =>
    new Promise<void>((resolve) => {
      if (server.exitCode !== null) return resolve();
      server.once("exit", () => resolve());
      server.kill("SIGTERM");
    });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the second instance exited with ${server.exitCode}`);
    const healthy = await fetch(`${url}/api/health`).then((response) => response.ok, () => false);
    if (healthy) return { url, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error("the second instance did not start within 60 s");
}

test("a cookie copied before sign-out is signed out afterwards, on both app instances, and is not renewed", async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const therapist = await createTherapist({ timeZone: TIME_ZONE });
  const client = await createActiveClient(therapist, { timeZone: TIME_ZONE });
  const second = await startSecondInstance();
  const contexts: BrowserContext[] = [];
  const newContext = async (url: string) => {
    const context = await browser.newContext({ baseURL: url });
    contexts.push(context);
    return context;
  };
  try {
    await signInByApi(page.request, client);
    const copied = await sessionCookie(page.context());

    // Before sign-out the copy works on either instance.
    const before = await replayIn(newContext, second.url, copied);
    await before.goto("/portal");
    await expect(before.getByRole("heading", { level: 1, name: greetingFor(client.displayName) })).toBeVisible();

    await page.goto("/portal");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);

    // Replayed on instance 1 and on instance 2: the sign-in page, not the portal.
    for (const url of [baseURL!, second.url]) {
      const replay = await replayIn(newContext, url, copied);
      await replay.goto("/portal");
      await expect(replay, `replay on ${url}`).toHaveURL(/\/sign-in/);
      await expect(replay.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
      await expect(replay.getByText(greetingFor(client.displayName))).toHaveCount(0);

      const session = await replay.request.get("/api/auth/session");
      expect(session.status()).toBe(200);
      expect(await session.json(), `session endpoint on ${url}`).toBeNull();
      expect(await renewedToken(session), `no fresh session cookie from ${url}`).toBeNull();
    }
    expect(await db.auditEvent.count({ where: { action: "sign_out", actorId: client.userId } })).toBe(1);
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
    await second.stop();
  }
});

test("a therapist's copied cookie after sign-out: /dashboard goes to sign-in and the export route refuses", async ({ page, browser, baseURL }) => {
  const therapist = await createTherapist({ timeZone: TIME_ZONE });
  const client = await createActiveClient(therapist, { timeZone: TIME_ZONE });
  await signInByApi(page.request, therapist);
  const copied = await sessionCookie(page.context());
  const exportUrl = `/api/clients/${client.id}/export?format=csv-submissions`;
  expect((await page.request.get(exportUrl)).status(), "the export works while signed in").toBe(200);

  await page.goto("/dashboard");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  const context = await browser.newContext({ baseURL });
  try {
    await context.addCookies([{ name: COOKIE, value: copied, url: baseURL!, httpOnly: true, sameSite: "Lax" }]);
    const replay = await context.newPage();
    await replay.goto("/dashboard");
    await expect(replay).toHaveURL(/\/sign-in/);
    const download = await replay.request.get(exportUrl);
    expect(download.status()).toBe(401);
    expect(await download.text()).not.toContain(client.displayName);
  } finally {
    await context.close();
  }
});

test("“Sign out everywhere else” on device A signs out device B", async ({ page, newPage }) => {
  const therapist = await createTherapist({ timeZone: TIME_ZONE });
  const client = await createActiveClient(therapist, { timeZone: TIME_ZONE });
  const deviceA = page;
  const deviceB = await newPage();
  await signInByApi(deviceA.request, client);
  await signInByApi(deviceB.request, client);
  await deviceB.goto("/portal");
  await expect(deviceB.getByRole("heading", { level: 1, name: greetingFor(client.displayName) })).toBeVisible();

  await deviceA.goto("/portal/account");
  const card = deviceA.locator("section").filter({ has: deviceA.getByRole("heading", { name: "Where you’re signed in" }) });
  const rows = card.getByTestId("session-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: "This device" })).toHaveCount(1);
  await expect(rows.first()).toContainText("This device");
  await expect(rows.nth(1)).toContainText(/Last seen (today|yesterday), \d\d:\d\d/);

  await card.getByRole("button", { name: "Sign out everywhere else" }).click();
  await expect(card.getByText("1 other device is signed out.")).toBeVisible();
  await expect(rows).toHaveCount(1);
  await expect(card.getByText("You aren’t signed in anywhere else.")).toBeVisible();

  await deviceB.goto("/portal");
  await expect(deviceB).toHaveURL(/\/sign-in/);
  await deviceA.goto("/portal");
  await expect(deviceA.getByRole("heading", { level: 1, name: greetingFor(client.displayName) })).toBeVisible();
  expect(await db.auditEvent.count({ where: { action: "session.revoked", actorId: client.userId } })).toBe(1);
});

test("idle-out while writing: the text stays, the client signs in again on the page, and it is saved", async ({ newPhonePage }) => {
  const therapist = await createTherapist({ timeZone: TIME_ZONE });
  const client = await createActiveClient(therapist, { timeZone: TIME_ZONE });
  const exercise = await createJournalExercise(therapist, `Idle ${uniqueId()}`);
  const { assignmentId, entryKey, url } = await assignDueToday(therapist, client, exercise.templateId);
  const phone = await newPhonePage();
  await signInByApi(phone.request, client);
  await phone.goto(url);

  const journal = phone.getByLabel(exercise.journal.label);
  const first = "I noticed I wanted to check his phone, and I didn't.";
  await journal.fill(first);
  await expectSaved(phone);

  // Two idle hours and a bit go by (the client limit is 2 hours).
  await db.authSession.updateMany({ where: { userId: client.userId }, data: { lastSeenAt: new Date(Date.now() - 125 * 60_000) } });

  const longer = `${first} Then I told him I'd felt the urge, and we talked about it for a while.`;
  await journal.fill(longer);
  await expect(saveStatus(phone)).toHaveAttribute("data-status", "signed-out");
  const panel = phone.getByRole("region", { name: "You were signed out — sign in again to save" });
  await expect(panel).toBeVisible();
  await expect(panel).toContainText(client.email);
  await expect(journal, "nothing typed is lost").toHaveValue(longer);
  await expect(phone).toHaveURL(new RegExp(`${url}$`));
  expect(await storedAnswers(assignmentId, entryKey)).toEqual({ [exercise.journal.key]: first });

  await panel.getByLabel("Password").fill("not my password at all");
  await panel.getByRole("button", { name: "Sign in and save" }).click();
  await expect(panel.getByRole("alert")).toContainText("doesn’t match");
  await expect(journal).toHaveValue(longer);

  await panel.getByLabel("Password").fill(client.password);
  await panel.getByRole("button", { name: "Sign in and save" }).click();
  await expect(panel).toHaveCount(0);
  await expectSaved(phone);
  await expect.poll(() => storedAnswers(assignmentId, entryKey)).toEqual({ [exercise.journal.key]: longer });
  await expect(journal).toHaveValue(longer);
});
