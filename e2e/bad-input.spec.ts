// Bad input on the production build (issue 8, #6): a null byte typed into a
// name, an answer or a note is a message next to the field; ids no record
// can have answer 404; an oversized draft gets a clear answer. Every test
// also fails on any 5xx response (the serverErrors fixture).
import type { Locator, Page } from "@playwright/test";
import { db } from "@/lib/db";
import { submitEntry } from "@/lib/homework/submit-entry";
import { TEXT_MESSAGES } from "@/lib/validations/text";
import { signInByApi } from "./support/auth";
import { createActiveClient, createTherapist, uniqueId } from "./support/factories";
import { expect, NOT_FOUND_PAGE, test } from "./support/fixtures";
import { expectFieldError } from "./support/forms";
import { assignDueToday, clientScopeOf, createJournalExercise, TIME_ZONE } from "./support/homework-fixtures";
import { saveStatus } from "./support/homework-portal";

const NUL = "\u0000";

/**
 * Puts text into a field as typing would, NUL byte included (keyboard input
 * cannot produce one, a script or a paste can): the native value setter,
 * then the input event React listens to.
 */
async function typeRaw(field: Locator, text: string) {
  await field.evaluate((element: HTMLInputElement | HTMLTextAreaElement, value) => {
    const prototype = element instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(prototype, "value")?.set?.call(element, value);
    element.dispatchEvent(new Event("input", { bubbles: true }));
  }, text);
  await expect(field).toHaveValue(text);
}

async function statusOf(page: Page, path: string): Promise<number> {
  const response = await page.request.get(path, { maxRedirects: 0 });
  return response.status();
}

test("a null byte in the sign-up name is a message next to the name, and nothing is stored", async ({ page }) => {
  const practice = `Null Practice ${uniqueId()}`;
  await page.goto("/sign-up");
  await typeRaw(page.getByLabel("Your name"), `Dr Null${NUL}Byte`);
  await page.getByLabel("Practice name").fill(practice);
  await page.getByLabel("Email").fill(`null-${uniqueId()}@example.com`);
  await page.getByLabel("Password").fill("owl tea park sunrise");
  await page.getByRole("button", { name: "Create practice" }).click();

  await expectFieldError(page.getByLabel("Your name"), TEXT_MESSAGES.control);
  await expect(page.getByLabel("Practice name")).toHaveValue(practice);
  expect(await db.practice.count({ where: { name: practice } })).toBe(0);
});

test("a common password is refused at sign-up with a reason", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Dr Weak Password");
  await page.getByLabel("Practice name").fill(`Weak ${uniqueId()}`);
  await page.getByLabel("Email").fill(`weak-${uniqueId()}@example.com`);
  await page.getByLabel("Password").fill("password1234");
  await page.getByRole("button", { name: "Create practice" }).click();

  const password = page.getByLabel("Password");
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(password).toHaveAccessibleDescription(/This password is too easy to guess\./);
});

test("a client name with a null byte, of only zero-width spaces or with a right-to-left override is refused next to the name", async ({ page }) => {
  const therapist = await createTherapist();
  await signInByApi(page.request, therapist);
  await page.goto("/clients");
  const form = page.getByRole("form", { name: "Add a client" });
  const name = form.getByLabel("Name", { exact: true });

  const attempts: [string, string][] = [
    [`Sam${NUL}Lee`, TEXT_MESSAGES.control],
    ["\u200B\u200B\u200B", "Enter a name."],
    ["Sam\u202Eeel", TEXT_MESSAGES.bidi],
  ];
  for (const [typed, message] of attempts) {
    await typeRaw(name, typed);
    await form.getByLabel("Email").fill(`sam-${uniqueId()}@example.com`);
    await form.getByRole("button", { name: "Add client and create link" }).click();
    await expectFieldError(form.getByLabel("Name", { exact: true }), message);
  }
  await expect(page.getByTestId("invitation-link")).toHaveCount(0);
  expect(await db.client.count({ where: { therapistId: therapist.id } })).toBe(0);
});

test("a null byte in an answer is a message next to the answer; the text stays in the form", async ({ page }) => {
  const therapist = await createTherapist({ timeZone: TIME_ZONE });
  const client = await createActiveClient(therapist, { timeZone: TIME_ZONE });
  const exercise = await createJournalExercise(therapist, `Null answer ${uniqueId()}`);
  const { assignmentId, entryKey, url } = await assignDueToday(therapist, client, exercise.templateId);

  await signInByApi(page.request, client);
  await page.goto(url);
  const answer = page.getByLabel(exercise.journal.label);
  const typed = `We talked${NUL} after dinner.`;
  await typeRaw(answer, typed);
  await answer.blur();

  await expectFieldError(page.getByLabel(exercise.journal.label), TEXT_MESSAGES.control);
  await expect(page.getByLabel(exercise.journal.label)).toHaveValue(typed);
  await expect(saveStatus(page)).not.toHaveAttribute("data-status", "saved");
  const row = await db.submission.findUnique({ where: { assignmentId_entryKey: { assignmentId, entryKey } }, select: { answers: true } });
  expect(JSON.stringify(row?.answers ?? {})).not.toContain("talked");
});

test("an oversized draft gets a clear message next to the answer (300 kB) or a 413 (10 MB), never a 500", async ({ page }) => {
  const therapist = await createTherapist({ timeZone: TIME_ZONE });
  const client = await createActiveClient(therapist, { timeZone: TIME_ZONE });
  const exercise = await createJournalExercise(therapist, `Huge draft ${uniqueId()}`);
  const { url } = await assignDueToday(therapist, client, exercise.templateId);

  await signInByApi(page.request, client);
  await page.goto(url);
  const saves: { headers: Record<string, string>; body: string }[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.headers()["next-action"]) saves.push({ headers: request.headers(), body: request.postData() ?? "" });
  });

  // Over the entry limit (200 kB) but under the Server Action body limit: the app's own message.
  const answer = page.getByLabel(exercise.journal.label);
  await typeRaw(answer, "A long day. ".repeat(25_000));
  await answer.blur();
  await expectFieldError(page.getByLabel(exercise.journal.label), "This answer is too long to save. Please shorten it.");
  await expect(answer).toHaveValue(/^A long day\. /);

  // The same save replayed with 10 MB: refused before the app reads it.
  const save = saves.at(-1);
  expect(save, "the page sent a draft save").toBeDefined();
  const huge = save!.body.replace(/(A long day\. )+/, "x".repeat(10 * 1024 * 1024));
  const headers = Object.fromEntries(
    Object.entries(save!.headers).filter(([name]) => ["next-action", "next-router-state-tree", "content-type", "accept", "origin"].includes(name)),
  );
  const response = await page.request.post(url, { headers, data: huge, failOnStatusCode: false });
  expect(response.status(), "a 10 MB draft").toBeLessThan(500);
  const text = await response.text();
  expect(text).not.toMatch(/at [\w.]+ \(|node_modules|Error:/);
  if (response.status() === 200) expect(text).toMatch(/too long|too large|could not be saved/i);
  else expect(response.status()).toBe(413);
});

test("a null byte in a feedback note is a message next to the note", async ({ page }) => {
  const therapist = await createTherapist({ timeZone: TIME_ZONE });
  const client = await createActiveClient(therapist, { timeZone: TIME_ZONE });
  const exercise = await createJournalExercise(therapist, `Null feedback ${uniqueId()}`);
  const { assignmentId, entryKey } = await assignDueToday(therapist, client, exercise.templateId);
  const { submissionId } = await submitEntry(clientScopeOf(therapist, client), {
    assignmentId,
    entryKey,
    answers: { [exercise.journal.key]: "It was a calm evening.", [exercise.scale.key]: 6 },
    privateKeys: [],
    baseVersion: 0,
  });

  await signInByApi(page.request, therapist);
  await page.goto(`/review/${submissionId}`);
  const note = page.getByLabel(`Feedback for ${client.displayName}`);
  await typeRaw(note, `Well done${NUL}`);
  await page.getByRole("button", { name: "Send feedback" }).click();

  await expectFieldError(page.getByLabel(`Feedback for ${client.displayName}`), TEXT_MESSAGES.control);
  expect(await db.feedback.count({ where: { submissionId } })).toBe(0);
});

test("ids no record can have answer 404, a missing portal entry too, and a null byte in a search is ignored", async ({ page, newPage }) => {
  const therapist = await createTherapist({ timeZone: TIME_ZONE });
  const client = await createActiveClient(therapist, { timeZone: TIME_ZONE });
  await signInByApi(page.request, therapist);

  for (const path of ["/api/clients/%00/export?format=csv-submissions", "/api/clients/%00/export", `/api/clients/${"x".repeat(500)}/export?format=fhir`]) {
    expect(await statusOf(page, path), path).toBe(404);
  }
  for (const path of ["/clients/%00", "/clients/%00/progress", "/clients/%00/report", "/review/%E2%80%AEgarbage%00", "/library/%00", "/library/%00/edit", `/clients/${"a".repeat(300)}`]) {
    expect(await statusOf(page, path), path).toBe(404);
    await page.goto(path);
    await expect(page.getByRole("heading", { name: NOT_FOUND_PAGE }), path).toBeVisible();
  }
  // A well-formed id of no record of the caller's: the page's own check, inside its loading boundary (streamed, so 200).
  await page.goto("/clients/cm5x2k0a30000abcdxyz12345");
  await expect(page.getByRole("heading", { name: NOT_FOUND_PAGE })).toBeVisible();

  const search = await page.request.get("/library?q=%00");
  expect(search.status()).toBe(200);
  await page.goto("/library?q=%00%E2%80%AE");
  await expect(page.getByRole("heading", { name: "Exercise library" })).toBeVisible();
  await page.goto("/dashboard?q=%00");
  await expect(page.getByRole("main")).toBeVisible();

  const portal = await newPage();
  await signInByApi(portal.request, client);
  for (const path of ["/portal/homework/%00/x", "/portal/homework/abc/%00", "/portal/entries/%00", "/portal/entries/cm5x2k0a30000abcdxyz12345", "/portal/homework/cm5x2k0a30000abcdxyz12345/2026-01-01"]) {
    expect(await statusOf(portal, path), path).toBe(404);
    await portal.goto(path);
    await expect(portal.getByRole("heading", { name: NOT_FOUND_PAGE }), path).toBeVisible();
  }
});
