// Assign and review without friction: the assign form keeps what was chosen
// after a validation error, assigns several exercises in one submit with a
// preview, and is reachable from an exercise's library page (not for a
// supervisor); the review inbox marks several entries at once and an entry
// links to the next one; on a 375 px phone nothing scrolls sideways and every
// navigation link is on screen.
import type { Page } from "@playwright/test";
import { db } from "@/lib/db";
import { submitEntry } from "@/lib/homework/submit-entry";
import { signInByApi } from "./support/auth";
import { createActiveClient, createTherapist, uniqueId, type ActiveClient, type TestTherapist } from "./support/factories";
import {
  assignDueToday,
  builtInTemplateId,
  clientScopeOf,
  createJournalExercise,
  expect,
  test,
  TIME_ZONE,
  todayForClient,
} from "./support/homework-fixtures";
import { addColleague } from "./support/practice";

const PHONE = { width: 375, height: 812 };

/** Submitted entries of one practice exercise, each its own one-off due today; returns their ids, oldest first. */
async function submittedEntries(therapist: TestTherapist, client: ActiveClient, count: number): Promise<{ ids: string[]; title: string }> {
  const title = `Evening words ${uniqueId()}`;
  const exercise = await createJournalExercise(therapist, title);
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const { assignmentId, entryKey } = await assignDueToday(therapist, client, exercise.templateId);
    const { submissionId } = await submitEntry(clientScopeOf(therapist, client), {
      assignmentId,
      entryKey,
      answers: { [exercise.journal.key]: `Entry ${index + 1}.`, [exercise.scale.key]: 6 },
      privateKeys: [],
      baseVersion: 0,
    });
    ids.push(submissionId);
  }
  return { ids, title };
}

async function expectNoSidewaysScroll(page: Page, where: string) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${where} is ${width}px wide on a 375px screen`).toBeLessThanOrEqual(PHONE.width);
}

test("a validation error keeps every choice; several exercises go in one submit, after a preview", async ({ page }) => {
  const therapist = await createTherapist({ timeZone: TIME_ZONE });
  const client = await createActiveClient(therapist, { timeZone: TIME_ZONE });
  const [log, checkIn] = await Promise.all([builtInTemplateId("trigger-log"), builtInTemplateId("weekly-trust-check-in")]);
  await signInByApi(page.request, therapist);
  await page.goto(`/assign?client=${client.id}`);

  const first = page.getByTestId("assign-item").first();
  await first.getByLabel("Exercise", { exact: true }).selectOption(log);
  await expect(first.getByTestId("exercise-summary"), "the picker shows what the exercise asks").toContainText("question");
  await first.getByLabel("How often").selectOption({ label: "Once, by a due date" });
  await page.getByLabel("Note to the client (optional)").fill("Start small.");
  await page.getByRole("button", { name: "Assign", exact: true }).click();

  await expect(first.getByText("Choose a due date.")).toBeVisible();
  await expect(first.getByLabel("Exercise", { exact: true }), "the chosen exercise is still chosen").toHaveValue(log);
  await expect(first.getByLabel("How often")).toHaveValue("ONCE");
  await expect(page.getByRole("checkbox", { name: client.displayName, exact: true })).toBeChecked();
  await expect(page.getByLabel("Note to the client (optional)")).toHaveValue("Start small.");
  expect(await db.assignment.count({ where: { clientId: client.id } })).toBe(0);

  const today = todayForClient(client);
  await first.getByLabel("Due date").fill(today);
  await page.getByRole("button", { name: "Add another exercise" }).click();
  const second = page.getByRole("group", { name: "Exercise 2" });
  await second.getByLabel("Exercise", { exact: true }).selectOption(checkIn);
  await second.getByLabel("How often").selectOption({ label: "Weekly, on chosen days" });
  await second.getByRole("checkbox", { name: "Mon" }).check();

  const preview = page.getByTestId("assign-preview");
  await expect(preview).toContainText("Trigger log, once, due today");
  await expect(preview).toContainText("Weekly trust check-in, weekly on Mondays");
  await expect(preview).toContainText(`To ${client.displayName}.`);

  await page.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Assigned 2 exercises." })).toBeVisible();
  const rows = await db.assignment.findMany({ where: { clientId: client.id }, select: { templateId: true, scheduleType: true, weekdays: true, note: true } });
  expect(rows.map((row) => [row.templateId, row.scheduleType]).sort()).toEqual(
    [
      [log, "ONCE"],
      [checkIn, "WEEKLY"],
    ].sort(),
  );
  expect(rows.every((row) => row.note === "Start small.")).toBe(true);

  // A double click assigns once.
  await page.getByTestId("assign-item").first().getByLabel("Exercise", { exact: true }).selectOption(log);
  await page.getByTestId("assign-item").first().getByLabel("How often").selectOption({ label: "Every day" });
  await page.getByRole("button", { name: "Assign", exact: true }).dblclick();
  await expect(page.getByRole("status").filter({ hasText: "Assigned." })).toBeVisible();
  await expect.poll(() => db.assignment.count({ where: { clientId: client.id, templateId: log, scheduleType: "DAILY" } })).toBe(1);
});

test("an exercise's library page has Assign for a clinician, not for a supervisor", async ({ page }) => {
  const owner = await createTherapist();
  // The assign form needs a client to assign to.
  await createActiveClient(owner);
  const supervisor = await addColleague(owner, "SUPERVISOR");
  const log = await builtInTemplateId("trigger-log");

  await signInByApi(page.request, owner);
  await page.goto(`/library/${log}`);
  await page.getByRole("link", { name: "Assign", exact: true }).click();
  await expect(page).toHaveURL(`/assign?template=${log}`);
  await expect(page.getByLabel("Exercise", { exact: true }), "the exercise is already chosen").toHaveValue(log);

  await page.context().clearCookies();
  await signInByApi(page.request, supervisor);
  await page.goto(`/library/${log}`);
  await expect(page.getByRole("heading", { level: 1, name: "Trigger log" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Assign", exact: true })).toHaveCount(0);
});

test("several entries are marked reviewed at once, and an entry leads to the next one waiting", async ({ page }) => {
  const therapist = await createTherapist({ timeZone: TIME_ZONE });
  const client = await createActiveClient(therapist, { timeZone: TIME_ZONE });
  const { ids } = await submittedEntries(therapist, client, 3);
  const [oldest, middle, newest] = ids as [string, string, string];
  await signInByApi(page.request, therapist);

  await page.goto(`/review/${newest}`);
  await page.getByRole("link", { name: "Next entry to review →" }).click();
  await expect(page).toHaveURL(`/review/${middle}`);
  await expect(page.getByText("Entry 2.")).toBeVisible();

  await page.goto("/review");
  const rows = page.getByTestId("inbox-row");
  await expect(rows).toHaveCount(3);
  for (const id of [oldest, newest]) {
    await rows.filter({ has: page.locator(`a[href="/review/${id}"]`) }).getByRole("checkbox").check();
  }
  await page.getByRole("button", { name: "Mark selected reviewed" }).click();
  await expect(page.getByRole("status").filter({ hasText: "2 entries marked reviewed." })).toBeVisible();
  await expect(rows).toHaveCount(1);
  await expect(rows.first().locator(`a[href="/review/${middle}"]`)).toBeVisible();
  const reviewed = await db.submission.findMany({ where: { id: { in: ids }, reviewedAt: { not: null } }, select: { id: true } });
  expect(reviewed.map((row) => row.id).sort()).toEqual([oldest, newest].sort());

  await page.goto(`/review/${middle}`);
  await expect(page.getByText("No other entries waiting")).toBeVisible();
});

test.describe("on a 375 px phone", () => {
  test.use({ viewport: PHONE });

  test("dashboard, review inbox and client page fit, every navigation link is on screen, and the inbox shows each entry's status", async ({ page }) => {
    const therapist = await createTherapist({ timeZone: TIME_ZONE, name: `Dr Maximiliana Featherstonehaugh ${uniqueId()}` });
    const client = await createActiveClient(therapist, { timeZone: TIME_ZONE, displayName: `Bartholomew Montgomery-Fitzwilliam ${uniqueId()}` });
    await submittedEntries(therapist, client, 2);
    await signInByApi(page.request, therapist);

    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { level: 1, name: "Caseload" })).toBeVisible();
    await expectNoSidewaysScroll(page, "the dashboard");
    const links = page.getByRole("navigation", { name: "Main" }).getByRole("link");
    const names = (await links.allInnerTexts()).map((text) => text.replace(/\s+/g, " ").trim());
    expect(names.join(" | ")).toMatch(/Caseload.*Clients.*Review.*Library.*Outbox.*Practice.*Account/);
    for (const link of await links.all()) {
      await expect(link).toBeInViewport();
      const box = await link.boundingBox();
      expect(box && box.height >= 24 && box.width >= 24, "a target of at least 24 px").toBe(true);
    }
    // The keyboard reaches each of them.
    await page.getByRole("link", { name: "Trellis home" }).focus();
    for (let index = 0; index < names.length; index++) {
      await page.keyboard.press("Tab");
      await expect(links.nth(index)).toBeFocused();
    }

    await page.goto("/review");
    await expect(page.getByRole("heading", { level: 1, name: "Review" })).toBeVisible();
    await expectNoSidewaysScroll(page, "the review inbox");
    for (const status of await page.getByTestId("inbox-status").all()) {
      await status.scrollIntoViewIfNeeded();
      await expect(status).toBeInViewport({ ratio: 1 });
      await expect(status).toContainText("New");
    }

    await page.goto(`/clients/${client.id}`);
    await expect(page.getByRole("heading", { level: 1, name: client.displayName })).toBeVisible();
    await expectNoSidewaysScroll(page, "the client page");
    await expect(page.getByTestId("adherence").first(), "a submitted one-off says when it was done").toHaveText("Done today");
  });
});
