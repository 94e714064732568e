import type { Page } from "@playwright/test";
import { db } from "@/lib/db";
import { submitEntry } from "@/lib/homework/submit-entry";
import { giveFeedback } from "@/lib/review/give-feedback";
import { signInByApi } from "./support/auth";
import { createActiveClient, createTherapist, uniqueId } from "./support/factories";
import { escapeRegExp } from "./support/fixtures";
import {
  assignDueToday,
  browserStorageCount,
  builtInTemplateId,
  clientScopeOf,
  createJournalExercise,
  expect,
  expectNoHorizontalScroll,
  storedAnswers,
  submissionRows,
  test,
  TIME_ZONE,
  todayForClient,
} from "./support/homework-fixtures";
import { choose, expectSaved, portalSection, saveStatus } from "./support/homework-portal";

// Every test here also fails if any response had a 5xx status (see the serverErrors fixture).

/** One question card of the exercise builder, by its position. */
function questionCard(page: Page, position: number) {
  return page
    .getByRole("form", { name: "Build an exercise" })
    .locator("li")
    .filter({ has: page.getByRole("heading", { level: 3, name: new RegExp(`^Question ${position}(\\D|$)`) }) });
}

test("the whole loop: a custom exercise is built, assigned for 7 days, done on a phone, reviewed, and the feedback read", async ({
  page,
  newPhonePage,
}) => {
  // Many steps across two people and three devices' worth of pages.
  test.slow();
  const id = uniqueId();
  const therapist = await createTherapist({ timeZone: TIME_ZONE });
  const client = await createActiveClient(therapist, { timeZone: TIME_ZONE });
  const title = `Evening reflection ${id}`;
  const purpose = "Five quiet minutes at the end of the day, to notice how trust felt.";
  const journalQuestion = "What happened today that touched on trust?";
  const scaleQuestion = "How safe did you feel with your partner today?";
  const promiseQuestion = "Did you keep today’s small promise?";
  const note = `Do this before bed, even if the day was uneventful (${id}).`;
  const firstDraft = "We talked about the weekend plans, and I noticed I did not reach for my phone.";
  const answerText = `${firstDraft}\nLater I told them how that felt.`;
  const feedback = `Lovely noticing, ${client.displayName.split(" ")[0]}. Let’s talk about the phone on Thursday.`;
  const today = todayForClient(client);

  await signInByApi(page.request, therapist);

  let templateId = "";
  // Answer keys, derived by the builder from the question labels.
  let keys: string[] = [];
  await test.step("the therapist builds a custom exercise with a journal question, a 0–10 scale and a yes–partly–no question", async () => {
    await page.goto("/library");
    await page.getByRole("link", { name: "Build an exercise" }).click();
    await expect(page).toHaveURL(/\/library\/new$/);
    const builder = page.getByRole("form", { name: "Build an exercise" });
    await builder.getByLabel("Title", { exact: true }).fill(title);
    await builder.getByLabel("Purpose", { exact: true }).fill(purpose);

    // The builder starts with one long-answer question.
    const first = questionCard(page, 1);
    await expect(first.getByLabel("Type of answer")).toHaveValue("long_text");
    await first.getByLabel("Question", { exact: true }).fill(journalQuestion);

    await builder.getByLabel("Type of the new question").selectOption({ label: "0–10 scale" });
    await builder.getByRole("button", { name: "Add a question" }).click();
    const scale = questionCard(page, 2);
    await expect(scale.getByLabel("Question", { exact: true }), "focus moves to the new question").toBeFocused();
    await expect(scale.getByLabel("Type of answer")).toHaveValue("scale");
    await scale.getByLabel("Question", { exact: true }).fill(scaleQuestion);
    await scale.getByLabel("What 0 means").fill("Not safe at all");
    await scale.getByLabel("What 10 means").fill("Completely safe");

    await builder.getByLabel("Type of the new question").selectOption({ label: "Yes / partly / no" });
    await builder.getByRole("button", { name: "Add a question" }).click();
    const promise = questionCard(page, 3);
    await expect(promise.getByLabel("Type of answer")).toHaveValue("yes_partly_no");
    await promise.getByLabel("Question", { exact: true }).fill(promiseQuestion);

    await builder.getByRole("button", { name: "Save exercise" }).click();
    await expect(page).toHaveURL(/\/library\/[^/?]+\?saved=created$/);
    templateId = new URL(page.url()).pathname.split("/").pop() ?? "";
    await expect(page.getByText("Your exercise is saved and ready to assign.")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    const preview = page.getByRole("article", { name: `Preview: ${title}` });
    for (const label of [journalQuestion, scaleQuestion, promiseQuestion]) await expect(preview).toContainText(label);
    await expect(preview).toContainText("0 = Not safe at all");
    await expect(preview).toContainText("10 = Completely safe");

    const stored = await db.exerciseTemplate.findUniqueOrThrow({
      where: { id: templateId },
      select: { practiceId: true, title: true, versions: { select: { version: true, fields: true } } },
    });
    expect(stored.practiceId).toBe(therapist.practiceId);
    expect(stored.title).toBe(title);
    expect(stored.versions).toHaveLength(1);
    const fields = stored.versions[0]?.fields as { key: string; type: string; label: string; minLabel?: string; maxLabel?: string }[];
    expect(fields.map((field) => [field.type, field.label])).toEqual([
      ["long_text", journalQuestion],
      ["scale", scaleQuestion],
      ["yes_partly_no", promiseQuestion],
    ]);
    expect(fields[1]).toMatchObject({ minLabel: "Not safe at all", maxLabel: "Completely safe" });
    keys = fields.map((field) => field.key);
  });

  let assignmentId = "";
  await test.step("the therapist assigns it every day for 7 days, with a note", async () => {
    await page.goto(`/clients/${client.id}`);
    await page.getByRole("link", { name: "Assign homework" }).click();
    await expect(page).toHaveURL(`/assign?client=${client.id}`);
    await expect(page.getByRole("heading", { level: 1, name: "Assign homework" })).toBeVisible();
    await page.getByLabel("Exercise", { exact: true }).selectOption({ label: `${title} (yours)` });
    const clientBox = page.getByRole("checkbox", { name: client.displayName, exact: true });
    await expect(clientBox, "coming from the client's page, the client is already chosen").toBeChecked();
    await clientBox.check();
    await page.getByLabel("Note to the client (optional)").fill(note);
    await page.getByLabel("How often").selectOption({ label: "Every day for a number of days" });
    await page.getByLabel("Number of days").fill("7");
    await expect(page.getByLabel("Start date")).toHaveValue(today);
    await page.getByRole("button", { name: "Assign", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Assigned." })).toBeVisible();

    const assignments = await db.assignment.findMany({
      where: { clientId: client.id },
      select: { id: true, templateId: true, scheduleType: true, dayCount: true, note: true, startDate: true, status: true },
    });
    expect(assignments).toHaveLength(1);
    const [assignment] = assignments;
    expect(assignment).toMatchObject({ templateId, scheduleType: "DAILY_FOR_N_DAYS", dayCount: 7, note, status: "ACTIVE" });
    expect(assignment?.startDate.toISOString().slice(0, 10)).toBe(today);
    assignmentId = assignment?.id ?? "";
  });

  const phone = await newPhonePage();
  const entryUrl = `/portal/homework/${assignmentId}/${today}`;
  await test.step("on their phone, the client finds it under Today with the note", async () => {
    await signInByApi(phone.request, client);
    await phone.goto("/portal");
    const card = portalSection(phone, "Today").getByTestId("homework-today").filter({ hasText: title });
    await expect(card).toHaveCount(1);
    await expect(card).toContainText(`“${note}”`);
    await expect(card).toContainText("day 1 of 7");
    await expectNoHorizontalScroll(phone, "the portal home");
    await card.getByRole("link", { name: "Start" }).click();
    await expect(phone).toHaveURL(entryUrl);
    await expect(phone.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(phone.getByText(`${therapist.name}: ${note}`)).toBeVisible();
    await expect(saveStatus(phone)).toHaveAttribute("data-status", "idle");
  });

  await test.step("what the client types is saved on the server and survives a reload", async () => {
    const journal = phone.getByLabel(journalQuestion);
    await journal.fill(firstDraft);
    await expectSaved(phone);
    await expect.poll(() => storedAnswers(assignmentId, today)).toEqual({ [keys[0] ?? ""]: firstDraft });

    await phone.reload();
    await expect(phone.getByLabel(journalQuestion), "the draft comes back from the server").toHaveValue(firstDraft);
    expect(await browserStorageCount(phone), "nothing is kept in localStorage or sessionStorage").toBe(0);
    await expectNoHorizontalScroll(phone, "the entry page");

    await phone.goto("/portal");
    const card = portalSection(phone, "Today").getByTestId("homework-today").filter({ hasText: title });
    await expect(card).toContainText("Draft saved");
    await card.getByRole("link", { name: "Continue" }).click();
    await expect(phone.getByLabel(journalQuestion)).toHaveValue(firstDraft);
  });

  let submissionId = "";
  await test.step("the client finishes the answers and submits once, even when tapping Submit twice", async () => {
    await phone.getByLabel(journalQuestion).fill(answerText);
    await choose(phone, scaleQuestion, "7");
    await choose(phone, promiseQuestion, "Partly");
    await expect(phone.getByTestId("crisis-resources"), "no safety item in this exercise").toHaveCount(0);

    await phone.getByRole("button", { name: "Submit" }).dblclick();
    await expect(phone).toHaveURL(/\/portal\/entries\/[^/?]+\?submitted=1$/);
    submissionId = new URL(phone.url()).pathname.split("/").pop() ?? "";
    await expect(phone.getByRole("status").filter({ hasText: `Sent to ${therapist.name}. Thank you for doing this.` })).toBeVisible();
    await expect(phone.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(phone.getByText("We talked about the weekend plans")).toBeVisible();
    await expect(phone.getByText("7 of 10 (0 = Not safe at all, 10 = Completely safe)")).toBeVisible();
    await expect(phone.getByText("Partly", { exact: true })).toBeVisible();
    await expect(phone.getByText("No feedback yet.", { exact: false })).toBeVisible();
    await expectNoHorizontalScroll(phone, "the read-only entry");
    expect(await browserStorageCount(phone)).toBe(0);

    const rows = await submissionRows(assignmentId, today);
    expect(rows, "exactly one row for this assignment and day").toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: submissionId, status: "SUBMITTED" });
    expect(rows[0]?.answers).toEqual({ [keys[0] ?? ""]: answerText, [keys[1] ?? ""]: 7, [keys[2] ?? ""]: "partly" });
    expect(await db.submission.count({ where: { assignmentId, status: "SUBMITTED" } })).toBe(1);
    const measurements = await db.measurement.findMany({ where: { submissionId }, select: { metric: true, value: true } });
    expect(measurements, "numbers are recorded once, not once per click").toHaveLength(2);
    expect(new Set(measurements.map((measurement) => measurement.metric)).size).toBe(2);

    // Opening the entry again goes to the read-only view; there is nothing left to edit.
    await phone.goto(entryUrl);
    await expect(phone).toHaveURL(`/portal/entries/${submissionId}`);
  });

  await test.step("the therapist sees it waiting in Review, reads it and sends feedback", async () => {
    await page.goto("/clients");
    const nav = page.getByRole("navigation", { name: "Main" });
    const badge = nav.locator('[aria-label$="not yet reviewed"]');
    await expect(badge).toHaveAttribute("aria-label", "1 not yet reviewed");
    expect(Number(await badge.textContent())).toBeGreaterThanOrEqual(1);

    await nav.getByRole("link", { name: /^Review/ }).click();
    await expect(page).toHaveURL(/\/review$/);
    const row = page.getByTestId("inbox-row").filter({ hasText: client.displayName });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(title);
    await expect(row).toContainText("New");
    await row.getByRole("link", { name: title }).click();

    await expect(page).toHaveURL(`/review/${submissionId}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
    await expect(page.getByText(`Your note: “${note}”`)).toBeVisible();
    await expect(page.getByText("We talked about the weekend plans")).toBeVisible();
    await expect(page.getByText("7 of 10 (0 = Not safe at all, 10 = Completely safe)")).toBeVisible();

    await page.getByLabel(`Feedback for ${client.displayName}`).fill(feedback);
    await page.getByRole("button", { name: "Send feedback" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Feedback sent. The client will see it with their entry." })).toBeVisible();
    await expect.poll(() => db.feedback.findMany({ where: { submissionId }, select: { body: true, therapistId: true, readAt: true } })).toEqual([
      { body: feedback, therapistId: therapist.id, readAt: null },
    ]);
    expect((await db.submission.findUniqueOrThrow({ where: { id: submissionId }, select: { reviewedAt: true } })).reviewedAt).not.toBeNull();

    await page.reload();
    await expect(page.getByText(feedback)).toBeVisible();
    await expect(nav.locator('[aria-label$="not yet reviewed"]'), "nothing left to review").toHaveCount(0);
  });

  await test.step("the client's page shows the assignment with today's adherence", async () => {
    await page.goto(`/clients/${client.id}`);
    const assignment = page.getByTestId("assignment-row").filter({ hasText: title });
    await expect(assignment).toHaveCount(1);
    await expect(assignment.getByTestId("adherence")).toHaveText("1 / 1 done so far (100%)");
    await expect(assignment).toContainText(`Note: “${note}”`);
    const submitted = page.getByTestId("inbox-row").filter({ hasText: title });
    await expect(submitted).toHaveCount(1);
    await expect(submitted).toContainText("Reviewed");
  });

  await test.step("the client sees “New feedback” under Done and reads it", async () => {
    await phone.goto("/portal");
    await expect(portalSection(phone, "Today")).toContainText("Nothing due today. Well done.");
    const done = portalSection(phone, "Done").getByTestId("homework-done").filter({ hasText: title });
    await expect(done).toHaveCount(1);
    await expect(done).toContainText("New feedback");
    await expectNoHorizontalScroll(phone, "the portal home with a finished item");
    await done.click();

    await expect(phone).toHaveURL(`/portal/entries/${submissionId}`);
    await expect(phone.getByRole("heading", { name: "Feedback" })).toBeVisible();
    await expect(phone.getByTestId("feedback")).toHaveCount(1);
    await expect(phone.getByTestId("feedback")).toContainText(feedback);
    await expect(phone.getByTestId("feedback")).toContainText(therapist.name);
    await expectNoHorizontalScroll(phone, "the read-only entry with feedback");
    await expect.poll(async () => (await db.feedback.findFirstOrThrow({ where: { submissionId }, select: { readAt: true } })).readAt).not.toBeNull();

    await phone.goto("/portal");
    const seen = portalSection(phone, "Done").getByTestId("homework-done").filter({ hasText: title });
    await expect(seen).toContainText("Feedback");
    await expect(seen).not.toContainText("New feedback");
  });
});

test("submitting the same entry twice at the same moment makes one submission", async ({ page }) => {
  const therapist = await createTherapist({ timeZone: TIME_ZONE });
  const client = await createActiveClient(therapist, { timeZone: TIME_ZONE });
  const exercise = await createJournalExercise(therapist, `Double submit ${uniqueId()}`);
  const { assignmentId, entryKey, url } = await assignDueToday(therapist, client, exercise.templateId);

  await signInByApi(page.request, client);
  await page.goto(url);
  await page.getByLabel(exercise.journal.label).fill("Only once, please.");
  await choose(page, exercise.scale.label, "4");
  await expectSaved(page);

  // Two clicks in one task: React has not re-rendered the disabled button in between,
  // so both submits may reach the server, which must keep exactly one.
  const submitsSent: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.headers()["next-action"]) submitsSent.push(request.url());
  });
  await page.getByRole("button", { name: "Submit" }).evaluate((button: HTMLButtonElement) => {
    button.click();
    button.click();
  });
  await expect(page).toHaveURL(/\/portal\/entries\/[^/?]+\?submitted=1$/);
  const submissionId = new URL(page.url()).pathname.split("/").pop() ?? "";
  expect(submitsSent.length).toBeGreaterThanOrEqual(1);
  test.info().annotations.push({ type: "server actions sent by the double submit", description: String(submitsSent.length) });

  // A late retry of the same submit (say, after a timeout) lands on the same submission.
  const retry = await submitEntry(clientScopeOf(therapist, client), {
    assignmentId,
    entryKey,
    answers: { [exercise.journal.key]: "Only once, please.", [exercise.scale.key]: 4 },
    privateKeys: [],
    baseVersion: 1,
  });
  expect(retry).toMatchObject({ submissionId, alreadySubmitted: true });

  const rows = await submissionRows(assignmentId, entryKey);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ id: submissionId, status: "SUBMITTED" });
  expect(await db.submission.count({ where: { assignmentId, status: "SUBMITTED" } })).toBe(1);
  expect(await db.measurement.count({ where: { submissionId } }), "one measurement for the one scale").toBe(1);
});

test("two tabs: the older tab gets a conflict instead of overwriting, and can take the newer text", async ({ page }) => {
  const therapist = await createTherapist({ timeZone: TIME_ZONE });
  const client = await createActiveClient(therapist, { timeZone: TIME_ZONE });
  const exercise = await createJournalExercise(therapist, `Two tabs ${uniqueId()}`);
  const { assignmentId, entryKey, url } = await assignDueToday(therapist, client, exercise.templateId);
  const fromA = "Written in the first tab, and saved.";
  const fromB = "Typed later in the second tab, which never saw the first tab's text.";

  await signInByApi(page.request, client);
  const tabA = page;
  const tabB = await page.context().newPage();
  await tabA.goto(url);
  await tabB.goto(url);
  await expect(tabA.getByLabel(exercise.journal.label)).toHaveValue("");
  await expect(tabB.getByLabel(exercise.journal.label)).toHaveValue("");

  await tabA.getByLabel(exercise.journal.label).fill(fromA);
  await expectSaved(tabA);
  await expect.poll(() => storedAnswers(assignmentId, entryKey)).toEqual({ [exercise.journal.key]: fromA });

  await tabB.getByLabel(exercise.journal.label).fill(fromB);
  await expect(saveStatus(tabB)).toHaveAttribute("data-status", "conflict");
  const banner = tabB.getByRole("alert").filter({ hasText: "changed in another tab" });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText("Nothing is overwritten until you choose.");
  await expect(tabB.getByRole("button", { name: "Submit" })).toBeDisabled();
  // The server refused tab B's save: A's text is still what is stored.
  expect(await storedAnswers(assignmentId, entryKey)).toEqual({ [exercise.journal.key]: fromA });
  await expect(tabB.getByLabel(exercise.journal.label), "B's text is still on B's screen").toHaveValue(fromB);

  await banner.getByRole("button", { name: "Show the newer saved version" }).click();
  await expect(banner).toHaveCount(0);
  await expect(tabB.getByLabel(exercise.journal.label)).toHaveValue(fromA);
  await expect(saveStatus(tabB)).toHaveAttribute("data-status", "saved");
  expect(await storedAnswers(assignmentId, entryKey)).toEqual({ [exercise.journal.key]: fromA });

  // Tab B carries on from the newer version; its next save goes through.
  const continued = `${fromA} And a line added in the second tab.`;
  await tabB.getByLabel(exercise.journal.label).fill(continued);
  await expectSaved(tabB);
  await expect.poll(() => storedAnswers(assignmentId, entryKey)).toEqual({ [exercise.journal.key]: continued });
});

test("offline: typing shows “Not saved — retrying”, and the text is saved once the connection is back", async ({ page, context }) => {
  const therapist = await createTherapist({ timeZone: TIME_ZONE });
  const client = await createActiveClient(therapist, { timeZone: TIME_ZONE });
  const exercise = await createJournalExercise(therapist, `Offline ${uniqueId()}`);
  const { assignmentId, entryKey, url } = await assignDueToday(therapist, client, exercise.templateId);
  const text = "Written on the train, in a tunnel with no signal.";

  await signInByApi(page.request, client);
  await page.goto(url);
  await expect(saveStatus(page)).toHaveAttribute("data-status", "idle");

  await context.setOffline(true);
  await page.getByLabel(exercise.journal.label).fill(text);
  await expect(saveStatus(page)).toHaveAttribute("data-status", "retrying");
  await expect(saveStatus(page)).toHaveText("Not saved — retrying");
  await expect(page.getByLabel(exercise.journal.label), "the text stays on screen").toHaveValue(text);
  expect(await storedAnswers(assignmentId, entryKey)).toBeNull();
  expect(await browserStorageCount(page), "not parked in browser storage either").toBe(0);

  await context.setOffline(false);
  // The page saves when the browser reports it is online again; the retry timer is the fallback.
  await expectSaved(page, { timeout: 20_000 });
  await expect.poll(() => storedAnswers(assignmentId, entryKey)).toEqual({ [exercise.journal.key]: text });
});

test.describe("on a 375px phone", () => {
  test("the portal home, an entry page and the read-only view fit the screen", async ({ newPhonePage }) => {
    const therapist = await createTherapist({ timeZone: TIME_ZONE, practiceName: `The Long-Named Centre for Relational Repair ${uniqueId()}` });
    const client = await createActiveClient(therapist, { timeZone: TIME_ZONE, displayName: `Maximiliana-${uniqueId()} Featherstonehaugh` });
    const note = "Please fill this in after Sunday dinner, before talking it over together. There is no wrong answer.";
    const { url } = await assignDueToday(therapist, client, await builtInTemplateId("weekly-trust-check-in"), { note });
    const phone = await newPhonePage();
    await signInByApi(phone.request, client);

    await phone.goto("/portal");
    const card = portalSection(phone, "Today").getByTestId("homework-today").filter({ hasText: "Weekly trust check-in" });
    await expect(card).toContainText(note);
    await expectNoHorizontalScroll(phone, "the portal home");

    await card.getByRole("link", { name: "Start" }).click();
    await expect(phone).toHaveURL(url);
    for (const [label, point] of [
      ["This week, how predictable did your partner feel?", "6"],
      ["How much could you rely on your partner this week?", "7"],
      ["How emotionally safe did you feel with your partner this week?", "10"],
      ["How much did worry or overthinking about the relationship take up this week?", "3"],
    ] as const) {
      await choose(phone, label, point);
    }
    await phone.getByLabel(/how many times did you check up on or test the relationship/).fill("2");
    await expectSaved(phone);
    await expectNoHorizontalScroll(phone, "the entry page");

    await phone.getByRole("button", { name: "Submit" }).click();
    await expect(phone).toHaveURL(/\/portal\/entries\/[^/?]+\?submitted=1$/);
    await expect(phone.getByText(new RegExp(`^${escapeRegExp("10 of 10 (0 = Not safe at all")}`))).toBeVisible();
    await expectNoHorizontalScroll(phone, "the read-only entry");
  });

  test("a long link in the note, an answer or the feedback still fits the screen", async ({ newPhonePage }) => {
    // Links are long unbroken words: notes, answers and feedback must wrap them.
    const therapist = await createTherapist({ timeZone: TIME_ZONE });
    const client = await createActiveClient(therapist, { timeZone: TIME_ZONE });
    const link = "https://www.example.org/articles/rebuilding-trust-after-betrayal-a-practical-guide-for-couples";
    const exercise = await createJournalExercise(therapist, `Reading ${uniqueId()}`);
    const { assignmentId, entryKey, url } = await assignDueToday(therapist, client, exercise.templateId, { note: `Read this first: ${link}` });
    const phone = await newPhonePage();
    await signInByApi(phone.request, client);

    await phone.goto("/portal");
    await expect(portalSection(phone, "Today").getByTestId("homework-today")).toContainText(link);
    await expectNoHorizontalScroll(phone, "the portal home with a link in the note", { soft: true });

    await phone.goto(url);
    await expect(phone.getByText(`${therapist.name}: Read this first: ${link}`)).toBeVisible();
    await expectNoHorizontalScroll(phone, "the entry page with a link in the note", { soft: true });

    const answer = `I read ${link} and it helped.`;
    const { submissionId } = await submitEntry(clientScopeOf(therapist, client), {
      assignmentId,
      entryKey,
      answers: { [exercise.journal.key]: answer, [exercise.scale.key]: 5 },
      privateKeys: [],
      baseVersion: 0,
    });
    await giveFeedback({ therapistId: therapist.id, practiceId: therapist.practiceId }, { submissionId, body: `Thank you. This one helps too: ${link}` });
    await phone.goto(`/portal/entries/${submissionId}`);
    await expect(phone.getByText(answer)).toBeVisible();
    await expect(phone.getByTestId("feedback")).toContainText(link);
    await expectNoHorizontalScroll(phone, "the read-only entry with links", { soft: true });
  });
});

