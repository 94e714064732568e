import type { Page } from "@playwright/test";
import { db } from "@/lib/db";
import { builtInExercises } from "@/lib/exercises";
import { signInByApi } from "./support/auth";
import { createTherapist, uniqueId } from "./support/factories";
import { NOT_FOUND_PAGE } from "./support/fixtures";
import { createJournalExercise, expect, test } from "./support/homework-fixtures";

// Every test here also fails if any response had a 5xx status (see the serverErrors fixture).

function section(page: Page, name: RegExp) {
  return page.getByRole("region", { name });
}

const cardTitles = (page: Page) => page.getByTestId("template-card").getByRole("heading", { level: 3 });

async function search(page: Page, filter: { q?: string; kind?: string }) {
  const form = page.getByRole("search", { name: "Search the library" });
  await form.getByLabel("Search by title").fill(filter.q ?? "");
  await form.getByLabel("Kind").selectOption({ label: filter.kind ?? "All kinds" });
  await form.getByRole("button", { name: "Search" }).click();
}

test("the library lists the built-in exercises, and search and the kind filter narrow it", async ({ page }) => {
  const therapist = await createTherapist();
  await signInByApi(page.request, therapist);
  const builtIns = await db.exerciseTemplate.findMany({
    where: { practiceId: null, archivedAt: null },
    select: { title: true, kind: true },
  });

  await page.goto("/library");
  await expect(page.getByRole("heading", { level: 1, name: "Exercise library" })).toBeVisible();
  const builtInSection = section(page, /^Built-in exercises/);
  await expect(builtInSection.getByRole("heading", { level: 2 })).toHaveText(`Built-in exercises (${builtIns.length})`);
  await expect(builtInSection.getByTestId("template-card")).toHaveCount(builtIns.length);
  for (const exercise of builtInExercises) {
    await expect(builtInSection.getByRole("link", { name: exercise.title, exact: true }), exercise.slug).toBeVisible();
  }
  await expect(section(page, /^Your practice’s exercises/), "a new practice has none of its own yet").toHaveCount(0);

  await test.step("searching “trigger” finds the trigger log", async () => {
    await search(page, { q: "trigger" });
    await expect(page).toHaveURL(/\/library\?q=trigger&kind=$/);
    const matching = builtIns.filter((exercise) => exercise.title.toLowerCase().includes("trigger"));
    await expect(page.getByRole("status").filter({ hasText: /exercises? found/ })).toHaveText(
      `${matching.length} exercise${matching.length === 1 ? "" : "s"} found`,
    );
    await expect(cardTitles(page)).toHaveText(matching.map((exercise) => exercise.title));
    await expect(page.getByRole("link", { name: "Trigger log", exact: true })).toBeVisible();
    await expect(page.getByLabel("Search by title"), "the search stays in the box").toHaveValue("trigger");
  });

  await test.step("filtering by kind shows only that kind", async () => {
    await search(page, { kind: "Journal" });
    await expect(page).toHaveURL(/\/library\?q=&kind=journal$/);
    const journals = builtIns.filter((exercise) => exercise.kind === "journal");
    expect(journals.length).toBeGreaterThan(0);
    await expect(page.getByTestId("template-card")).toHaveCount(journals.length);
    expect((await cardTitles(page).allTextContents()).sort()).toEqual(journals.map((exercise) => exercise.title).sort());
    for (const card of await page.getByTestId("template-card").all()) await expect(card).toContainText("Journal");
    await expect(page.getByRole("link", { name: "Roots of mistrust", exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "Trigger log", exact: true })).toHaveCount(0);

    await search(page, { q: "trigger", kind: "Journal" });
    await expect(page.getByText("No exercises match your search.")).toBeVisible();
    await page.getByRole("link", { name: "Clear" }).click();
    await expect(page).toHaveURL(/\/library$/);
    await expect(section(page, /^Built-in exercises/).getByTestId("template-card")).toHaveCount(builtIns.length);
  });
});

test("a built-in shows its preview, and “Duplicate to customise” makes a copy for the practice", async ({ page }) => {
  const therapist = await createTherapist();
  await signInByApi(page.request, therapist);
  const triggerLog = await db.exerciseTemplate.findUniqueOrThrow({ where: { slug: "trigger-log" }, select: { id: true } });

  await page.goto("/library");
  await page.getByRole("link", { name: "Trigger log", exact: true }).click();
  await expect(page).toHaveURL(`/library/${triggerLog.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Trigger log");
  await expect(page.getByText("Built in", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit" }), "built-ins are not edited in place").toHaveCount(0);

  const preview = page.getByRole("article", { name: "Preview: Trigger log" });
  await expect(preview).toBeVisible();
  await expect(preview.getByText("What set the feeling off?")).toBeVisible();
  await expect(preview.getByRole("radio", { name: "A late or missing reply" })).toBeDisabled();
  await expect(preview.getByRole("button", { name: "Send to my therapist" })).toBeDisabled();

  await page.getByRole("button", { name: "Duplicate to customise" }).click();
  await expect(page).toHaveURL(/\/library\/[^/]+\/edit\?from=duplicate$/);
  const copyId = new URL(page.url()).pathname.split("/")[2] ?? "";
  expect(copyId).not.toBe(triggerLog.id);
  await expect(page.getByText("Here’s your copy. Change anything you like, then save it.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Edit “Copy of Trigger log”");
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Copy of Trigger log");

  const copy = await db.exerciseTemplate.findUniqueOrThrow({
    where: { id: copyId },
    select: { practiceId: true, createdById: true, basedOnId: true, slug: true, title: true, versions: { select: { version: true } } },
  });
  expect(copy).toEqual({
    practiceId: therapist.practiceId,
    createdById: therapist.id,
    basedOnId: triggerLog.id,
    slug: null,
    title: "Copy of Trigger log",
    versions: [{ version: 1 }],
  });

  await page.goto("/library");
  const own = section(page, /^Your drafts/);
  await expect(own.getByTestId("template-card")).toHaveCount(1);
  await expect(own.getByRole("link", { name: "Copy of Trigger log", exact: true })).toBeVisible();
  await expect(section(page, /^Built-in exercises/).getByRole("link", { name: "Trigger log", exact: true }), "the original stays").toBeVisible();
});

test("the builder refuses an exercise with no questions, next to the questions", async ({ page }) => {
  const therapist = await createTherapist();
  await signInByApi(page.request, therapist);
  const title = `Nothing to ask ${uniqueId()}`;

  await page.goto("/library/new");
  const builder = page.getByRole("form", { name: "Build an exercise" });
  await builder.getByLabel("Title", { exact: true }).fill(title);
  await builder.getByLabel("Purpose", { exact: true }).fill("A purpose without any questions.");
  await builder.getByRole("button", { name: "Remove question 1" }).click();
  await expect(builder.getByRole("heading", { level: 3, name: /^Question \d/ })).toHaveCount(0);

  await builder.getByRole("button", { name: "Save exercise" }).click();
  const error = page.locator("#questions-error");
  await expect(error).toHaveText("Add at least one question.");
  await expect(error).toHaveAttribute("aria-live", "polite");
  await expect(builder.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("Please check the highlighted fields.");
  await expect(builder.getByRole("button", { name: "Add a question" })).toHaveAccessibleDescription("Add at least one question.");
  await expect(page).toHaveURL(/\/library\/new$/);
  await expect(builder.getByLabel("Title", { exact: true }), "what was typed is kept").toHaveValue(title);
  expect(await db.exerciseTemplate.count({ where: { title } })).toBe(0);

  // Adding a question clears the way: the same form now saves.
  await builder.getByRole("button", { name: "Add a question" }).click();
  await builder.getByLabel("Question", { exact: true }).fill("What would you like to ask?");
  await builder.getByRole("button", { name: "Save exercise" }).click();
  await expect(page).toHaveURL(/\/library\/[^/?]+\?saved=created$/);
  expect(await db.exerciseTemplate.count({ where: { title, practiceId: therapist.practiceId } })).toBe(1);
});

test("another therapist cannot open this practice's own exercise", async ({ page, newPage }) => {
  const owner = await createTherapist();
  const title = `Private practice exercise ${uniqueId()}`;
  const { templateId } = await createJournalExercise(owner, title);
  const other = await createTherapist();
  await signInByApi(page.request, other);

  // Shaped like a real id, but no template has it: someone else's exercise must look exactly like this.
  const missing = await page.goto(`/library/c${templateId.slice(1).split("").reverse().join("")}`);
  await expect(page.getByRole("heading", { name: NOT_FOUND_PAGE })).toBeVisible();

  for (const path of [`/library/${templateId}`, `/library/${templateId}/edit`]) {
    const response = await page.goto(path);
    await expect(page.getByRole("heading", { name: NOT_FOUND_PAGE }), path).toBeVisible();
    expect(response?.status(), path).toBe(missing?.status());
    expect(await response?.text(), `${path}: server response`).not.toContain(title);
    expect(await page.content(), `${path}: rendered page`).not.toContain(title);
  }

  await page.goto(`/library?q=${encodeURIComponent(title)}`);
  await expect(page.getByText("No exercises match your search.")).toBeVisible();

  // The owner, for comparison, opens it.
  const ownerPage = await newPage();
  await signInByApi(ownerPage.request, owner);
  await ownerPage.goto(`/library/${templateId}`);
  await expect(ownerPage.getByRole("heading", { level: 1 })).toHaveText(title);
});
