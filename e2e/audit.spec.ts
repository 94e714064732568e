// Issue 8, failure #3: every look at a client's record leaves exactly one
// trace per page request, refused attempts are kept, a therapist reads each
// client's access history, and a client reads who has seen their entries —
// only their own.
import { db } from "@/lib/db";
import { submitEntry } from "@/lib/homework/submit-entry";
import { signInByApi } from "./support/auth";
import { addClientFor, createActiveClient, createTherapist, uniqueId } from "./support/factories";
import { NOT_FOUND_PAGE } from "./support/fixtures";
import { assignDueToday, clientScopeOf, createJournalExercise, expect, test, TIME_ZONE } from "./support/homework-fixtures";

const countEvents = (where: { clientId?: string; practiceId?: string; action: string; subjectId?: string }) => db.auditEvent.count({ where });

test.describe("views of a client's record", () => {
  test("each page request writes exactly one view event, with the caller's address; lists and prefetches write none", async ({ page }) => {
    const therapist = await createTherapist({ timeZone: TIME_ZONE });
    const client = await createActiveClient(therapist, { timeZone: TIME_ZONE });
    const exercise = await createJournalExercise(therapist, `Evening words ${uniqueId()}`);
    const { assignmentId, entryKey } = await assignDueToday(therapist, client, exercise.templateId);
    const { submissionId } = await submitEntry(clientScopeOf(therapist, client), {
      assignmentId,
      entryKey,
      answers: { [exercise.journal.key]: "We talked for an hour.", [exercise.scale.key]: 6 },
      privateKeys: [],
      baseVersion: 0,
    });
    await signInByApi(page.request, therapist);

    // The caseload and the client list link to the client page (and Next may prefetch it): not a view.
    await page.goto("/dashboard");
    await expect(page.getByRole("link", { name: client.displayName }).first()).toBeVisible();
    await page.goto("/clients");
    await expect(page.getByRole("link", { name: client.displayName }).first()).toBeVisible();
    await page.waitForTimeout(500);
    expect(await countEvents({ clientId: client.id, action: "client.viewed" })).toBe(0);

    const visits: [string, string, RegExp][] = [
      [`/clients/${client.id}`, "client.viewed", new RegExp(client.displayName)],
      [`/clients/${client.id}/progress`, "client.progress_viewed", /Progress/],
      [`/clients/${client.id}/report`, "client.report_viewed", new RegExp(client.displayName)],
      [`/review/${submissionId}`, "entry.viewed", /We talked for an hour\./],
    ];
    for (const [path, action, visible] of visits) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expect(page.getByText(visible).first()).toBeVisible();
      expect(await countEvents({ clientId: client.id, action }), `${action} after one load of ${path}`).toBe(1);
      await page.reload();
      await expect(page.getByText(visible).first()).toBeVisible();
      expect(await countEvents({ clientId: client.id, action }), `${action} after a reload of ${path}`).toBe(2);
    }

    const entryView = await db.auditEvent.findFirstOrThrow({
      where: { clientId: client.id, action: "entry.viewed" },
      select: { actorId: true, subjectType: true, subjectId: true, outcome: true, address: true, practiceId: true },
    });
    expect(entryView).toMatchObject({ actorId: therapist.id, subjectType: "Submission", subjectId: submissionId, outcome: "success", practiceId: therapist.practiceId });
    expect(entryView.address).toBeTruthy();
  });
});

test.describe("refused attempts", () => {
  test("another therapist's client, access history or entry is not found and leaves access.denied in the caller's trail only", async ({ page }) => {
    const owner = await createTherapist();
    const client = await addClientFor(owner, { displayName: `Private Person ${uniqueId()}` });
    const stranger = await createTherapist();
    await signInByApi(page.request, stranger);

    for (const path of [`/clients/${client.id}/access`, `/clients/${client.id}`, `/clients/${client.id}/progress`]) {
      const response = await page.goto(path);
      await expect(page.getByRole("heading", { name: NOT_FOUND_PAGE })).toBeVisible();
      expect(await response?.text(), path).not.toContain(client.displayName);
    }

    expect(await countEvents({ practiceId: stranger.practiceId, action: "access.denied", subjectId: client.id })).toBe(3);
    expect(await countEvents({ practiceId: owner.practiceId, action: "access.denied" })).toBe(0);
    expect(await db.auditEvent.count({ where: { clientId: client.id, actorId: stranger.id } })).toBe(0);
  });
});

test.describe("reading the trail", () => {
  test("the therapist sees the client's access history; each client sees only who has seen their own entries", async ({ page, newPage }) => {
    // A name with markup in it must come out as text.
    const therapist = await createTherapist({ name: `Dr <i>Ada</i> ${uniqueId()}`, timeZone: "America/New_York" });
    const seen = await createActiveClient(therapist, { timeZone: "Asia/Tokyo" });
    const unseen = await createActiveClient(therapist);
    await signInByApi(page.request, therapist);

    await page.goto(`/clients/${seen.id}`);
    await expect(page.getByRole("heading", { level: 1, name: seen.displayName })).toBeVisible();
    await page.getByRole("link", { name: "Access history" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Access history" })).toBeVisible();
    await expect(page.getByText("Times are in America/New York", { exact: false })).toBeVisible();
    const rows = page.getByTestId("access-row");
    await expect(rows.first()).toContainText("Opened the client page");
    await expect(rows.first()).toContainText(`${therapist.name} (therapist)`);
    await expect(rows.first()).toContainText("Allowed");
    await expect(rows.first()).toContainText(/EST|EDT|GMT-[45]/);
    await expect(page.locator("[data-testid=access-row] i")).toHaveCount(0);
    await expect(page.getByText("Created an invitation link")).toBeVisible();

    const seenPage = await newPage();
    await signInByApi(seenPage.request, seen);
    await seenPage.goto("/portal/account");
    const card = seenPage.locator("section", { has: seenPage.getByRole("heading", { name: "Who has seen my entries" }) });
    const views = card.getByTestId("record-view-row");
    await expect(views).toHaveCount(1);
    await expect(views.first()).toContainText(`${therapist.name} (therapist)`);
    await expect(views.first()).toContainText("Opened your page");
    await expect(views.first()).toContainText(/GMT\+9|JST/);
    await expect(card.locator("i")).toHaveCount(0);

    const unseenPage = await newPage();
    await signInByApi(unseenPage.request, unseen);
    await unseenPage.goto("/portal/account");
    await expect(unseenPage.getByText("No one has looked at your record yet.")).toBeVisible();
    await expect(unseenPage.getByTestId("record-view-row")).toHaveCount(0);
  });
});
