// The caseload dashboard in a browser: pages of a long caseload, and
// acknowledging a computed flag with a note on a phone.
import { db } from "@/lib/db";
import { signInByApi } from "./support/auth";
import { createActiveClient, createTherapist, uniqueId } from "./support/factories";
import { assignDueToday, builtInTemplateId, expect, test, TIME_ZONE } from "./support/homework-fixtures";
import { expectFieldError } from "./support/forms";

// Every test here also fails if any response had a 5xx status (see the serverErrors fixture).

test("a long caseload comes a page of 25 at a time, most urgent first, and the search still finds everyone", async ({ page }) => {
  test.setTimeout(120_000);
  const therapist = await createTherapist({ timeZone: TIME_ZONE });
  const tag = uniqueId();
  // Nothing assigned, so nobody needs attention: the order is by name.
  const names = Array.from({ length: 27 }, (_, index) => `Client ${String(index + 1).padStart(2, "0")} ${tag}`);
  for (const displayName of names) await createActiveClient(therapist, { displayName, timeZone: TIME_ZONE });

  await signInByApi(page.request, { email: therapist.email, password: therapist.password });
  await page.goto("/dashboard");
  const rows = page.getByTestId("caseload-row");
  const pager = page.getByRole("navigation", { name: "Caseload pages" });
  await expect(page.getByRole("heading", { level: 1, name: "Caseload" })).toBeVisible();
  await expect(rows).toHaveCount(25);
  await expect(rows.first().getByRole("rowheader")).toContainText(names[0]!);
  await expect(pager).toContainText("Clients 1–25 of 27, most urgent first");
  await expect(pager.getByRole("link", { name: "Previous page" })).toHaveCount(0);

  await pager.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/\/dashboard\?page=2$/);
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0).getByRole("rowheader")).toContainText(names[25]!);
  await expect(rows.nth(1).getByRole("rowheader")).toContainText(names[26]!);
  await expect(pager).toContainText("Clients 26–27 of 27");
  await expect(pager.getByRole("link", { name: "Next page" })).toHaveCount(0);

  // A page past the end shows the last page rather than an empty table.
  await page.goto("/dashboard?page=9");
  await expect(rows).toHaveCount(2);

  await page.goto(`/dashboard?q=${encodeURIComponent(names[26]!)}`);
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByRole("rowheader")).toContainText(names[26]!);
  await expect(pager).toHaveCount(0);
});

test("on a phone, a silent client's flag is acknowledged with a note, and stays quiet after a reload", async ({ newPhonePage }) => {
  const therapist = await createTherapist({ timeZone: TIME_ZONE });
  const client = await createActiveClient(therapist, { timeZone: TIME_ZONE });
  await assignDueToday(therapist, client, await builtInTemplateId("micro-promises"));
  // Joined ten days ago and has not submitted anything since.
  await db.user.update({ where: { id: client.userId }, data: { createdAt: new Date(Date.now() - 10 * 24 * 60 * 60 * 1000) } });

  const page = await newPhonePage();
  await signInByApi(page.request, { email: therapist.email, password: therapist.password });
  await page.goto("/dashboard");
  const flags = page.getByRole("list", { name: `Open flags for ${client.displayName}` });
  await expect(flags.getByText("Silent 10 days", { exact: true })).toBeVisible();

  await flags.locator("summary", { hasText: "Acknowledge" }).click();
  const note = flags.getByLabel("Note");
  await expect(note).toBeVisible();
  await flags.getByRole("button", { name: "Acknowledge", exact: true }).click();
  await expectFieldError(note, "Write a short note: what you did or decided.");

  await note.fill("Texted to check in; they are travelling this week.");
  await flags.getByRole("button", { name: "Acknowledge", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: `Acknowledged “Silent 10 days” for ${client.displayName}` })).toBeVisible();
  await expect(flags).toHaveCount(0);

  await expect
    .poll(() => db.flagAcknowledgement.findMany({ where: { clientId: client.id }, select: { kind: true, note: true, acknowledgedById: true } }))
    .toEqual([{ kind: "SILENT", note: "Texted to check in; they are travelling this week.", acknowledgedById: therapist.id }]);
  await page.reload();
  await expect(page.getByTestId("caseload-row").filter({ hasText: client.displayName })).toContainText("None");
});
