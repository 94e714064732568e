// Nothing typed is lost when the client leaves within the autosave delay
// (issue 9, failure #1) or when a save hangs (failure #2): each test types
// into a long answer and leaves (or stalls) ~100 ms later, well inside the
// 800 ms debounce, then reads the database.
import type { Dialog, Locator, Page } from "@playwright/test";
import { signInByApi } from "./support/auth";
import { createActiveClient, createTherapist, uniqueId } from "./support/factories";
import { expectFieldError } from "./support/forms";
import { assignDueToday, createJournalExercise, expect, storedAnswers, test, TIME_ZONE } from "./support/homework-fixtures";
import { expectSaved, saveStatus } from "./support/homework-portal";

const LAST_WORDS = " and then I told her the truth about Friday.";

async function openEntry(page: Page) {
  const therapist = await createTherapist({ timeZone: TIME_ZONE });
  const client = await createActiveClient(therapist, { timeZone: TIME_ZONE });
  const exercise = await createJournalExercise(therapist, `Leaving ${uniqueId()}`);
  const entry = await assignDueToday(therapist, client, exercise.templateId);
  await signInByApi(page.request, client);
  await page.goto(entry.url);
  const answer = page.getByLabel(exercise.journal.label);
  // Hydrated: the badge is rendered by the client component.
  await expect(saveStatus(page)).toHaveAttribute("data-status", "idle");
  const stored = async () => (await storedAnswers(entry.assignmentId, entry.entryKey))?.[exercise.journal.key] ?? null;
  return { ...entry, exercise, answer, stored };
}

/** Types like a person (keys, so the page has had a user gesture), a saved start and then the last words. */
async function typeLastWords(page: Page, answer: Locator, start: string) {
  await answer.click();
  await answer.fill(start);
  await expectSaved(page);
  await answer.pressSequentially(LAST_WORDS);
  await page.waitForTimeout(100);
}

function recordDialogs(page: Page, answer: "accept" | "dismiss" = "accept") {
  const dialogs: Dialog[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog);
    void (answer === "accept" ? dialog.accept() : dialog.dismiss());
  });
  return dialogs;
}

test("reload 100 ms after typing: the last words are in the database and on the reloaded page, without a prompt", async ({ page }) => {
  const { answer, stored } = await openEntry(page);
  const dialogs = recordDialogs(page);
  await typeLastWords(page, answer, "We had coffee");

  await page.reload();
  await expect.poll(stored, { timeout: 10_000 }).toBe(`We had coffee${LAST_WORDS}`);
  expect(dialogs.map((dialog) => dialog.type()), "no leave prompt: the text could be sent").toEqual([]);
  // The page reloaded after the keepalive save had been sent; the draft may land a moment later.
  await page.reload();
  await expect(answer).toHaveValue(`We had coffee${LAST_WORDS}`);
});

test("close the page 100 ms after typing: the last words are in the database", async ({ page, context }) => {
  const { answer, stored } = await openEntry(page);
  const dialogs = recordDialogs(page);
  await typeLastWords(page, answer, "I closed the laptop");

  await page.close({ runBeforeUnload: true });
  await expect.poll(stored, { timeout: 10_000 }).toBe(`I closed the laptop${LAST_WORDS}`);
  expect(dialogs).toHaveLength(0);
  expect(context.pages()).toHaveLength(0);
});

test("the tab is closed without a prompt 100 ms after typing (as a browser or phone ends it): the last words are in the database", async ({
  page,
}) => {
  const { answer, stored } = await openEntry(page);
  await typeLastWords(page, answer, "Slept on it");

  await page.close({ runBeforeUnload: false });
  await expect.poll(stored, { timeout: 10_000 }).toBe(`Slept on it${LAST_WORDS}`);
});

test("follow a link 100 ms after typing: the last words are in the database", async ({ page }) => {
  const { answer, stored } = await openEntry(page);
  await typeLastWords(page, answer, "Walked home together");

  await page.getByRole("link", { name: "← Back to my homework" }).click();
  await expect(page).toHaveURL(/\/portal$/);
  await expect.poll(stored, { timeout: 10_000 }).toBe(`Walked home together${LAST_WORDS}`);
});

test("offline, then close: the leave prompt fires and nothing is claimed saved", async ({ page, context }) => {
  const { answer, stored } = await openEntry(page);
  const dialogs = recordDialogs(page, "dismiss");
  await typeLastWords(page, answer, "On the train");

  await context.setOffline(true);
  await answer.pressSequentially(" in the tunnel");
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => dialogs.map((dialog) => dialog.type())).toEqual(["beforeunload"]);
  // Staying on the page (the prompt dismissed): the text is there and not claimed saved.
  await expect(answer).toHaveValue(`On the train${LAST_WORDS} in the tunnel`);
  await expect(saveStatus(page)).not.toHaveAttribute("data-status", "saved");
  expect(await stored()).toBe("On the train");

  // Back online, it is saved after all.
  await context.setOffline(false);
  await expectSaved(page, { timeout: 20_000 });
  await expect.poll(stored).toBe(`On the train${LAST_WORDS} in the tunnel`);
});

test("a save that hangs shows “Not saved — retrying” within 6 s, and the text is saved by the retry", async ({ page }) => {
  const { answer, stored } = await openEntry(page);
  // Every Server Action request (the autosave) is held for 10 s before it reaches the server.
  await page.route(
    (url) => url.pathname.startsWith("/portal/homework/"),
    async (route) => {
      if (route.request().method() !== "POST" || !route.request().headers()["next-action"]) return route.fallback();
      await new Promise((resolve) => setTimeout(resolve, 10_000));
      await route.continue().catch(() => {});
    },
  );

  await answer.fill("Held up by a slow network");
  await expect(saveStatus(page)).toHaveAttribute("data-status", "saving");
  const started = Date.now();
  await expect(saveStatus(page)).toHaveText("Not saved — retrying", { timeout: 6_000 });
  expect(Date.now() - started).toBeLessThan(6_500);
  // The retry goes by the keepalive route, which is not held.
  await expectSaved(page, { timeout: 15_000 });
  expect(await stored()).toBe("Held up by a slow network");
});

test("after an invalid save, fixing the text saves again without a reload", async ({ page }) => {
  const { answer, stored } = await openEntry(page);
  // Over the 200 kB entry limit (the field's own maxlength is bypassed, as a paste by a script would).
  await answer.evaluate((element: HTMLTextAreaElement, value) => {
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")?.set?.call(element, value);
    element.dispatchEvent(new Event("input", { bubbles: true }));
  }, "A long day. ".repeat(25_000));
  await answer.blur();
  await expectFieldError(answer, "This answer is too long to save. Please shorten it.");
  await expect(saveStatus(page)).not.toHaveAttribute("data-status", "saved");
  expect(await stored()).toBeNull();

  await answer.fill("A long day, in fewer words.");
  await expectSaved(page);
  await expect.poll(stored).toBe("A long day, in fewer words.");
  await expect(answer).not.toHaveAttribute("aria-invalid", "true");
});
