import { PDFDocument } from "pdf-lib";
import type { Page } from "@playwright/test";
import { longDate } from "@/components/progress/format";
import { addDays, weekdayOf, type LocalDate } from "@/lib/dates/local-date";
import { db } from "@/lib/db";
import { DEMO_CLIENTS, DEMO_PASSWORD, DEMO_THERAPIST } from "@/scripts/seed/demo-accounts";
import { demoPracticeExists, seedDemoPractice } from "@/scripts/seed/seed-demo-practice";
import { signInByApi } from "./support/auth";
import { expect, test } from "./support/fixtures";

// The printed client report: Chromium's own PDF output (page.pdf, A4), its
// pages counted by a real PDF parser (pdf-lib), and the print-media DOM
// checked for controls. Every test also fails on any 5xx (fixtures).

const MAX_PAGES = 3;
const FLAG_QUESTION = "Do you feel afraid of, or unsafe with, your partner?";

function demoClient(email: string) {
  const client = DEMO_CLIENTS.find((entry) => entry.email === email);
  if (!client) throw new Error(`No demo client ${email}`);
  return client;
}

/** Monday of the week holding `date` (the report's weeks start on Monday). */
function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, -((weekdayOf(date) + 6) % 7));
}

async function reportPath(email: string, query = ""): Promise<string> {
  const client = await db.client.findFirstOrThrow({ where: { email, therapist: { email: DEMO_THERAPIST.email } }, select: { id: true } });
  return `/clients/${client.id}/report${query}`;
}

async function openReport(page: Page, email: string, query = "") {
  await signInByApi(page.request, { email: DEMO_THERAPIST.email, password: DEMO_PASSWORD });
  const response = await page.goto(await reportPath(email, query));
  await expect(page.getByRole("heading", { level: 1, name: demoClient(email).displayName })).toBeVisible();
  // Every card's Suspense boundary has resolved: no skeleton left.
  await expect(page.locator("[aria-busy='true']")).toHaveCount(0);
  return response;
}

/** Interactive elements a reader of the printout would see (visible under print media). */
async function visibleControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll("input, button, select, textarea, [role='button']"))
      .filter((element) => {
        const box = (element as HTMLElement).getBoundingClientRect();
        const style = getComputedStyle(element);
        return box.width > 0 && box.height > 0 && style.visibility !== "hidden" && style.display !== "none";
      })
      .map((element) => `${element.tagName.toLowerCase()} "${(element.textContent || element.getAttribute("aria-label") || "").trim().slice(0, 40)}"`),
  );
}

async function printedPages(page: Page): Promise<number> {
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  return (await PDFDocument.load(pdf)).getPageCount();
}

test.describe.serial("the printed client report", () => {
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    if (!(await demoPracticeExists())) await seedDemoPractice();
  });

  for (const email of ["jordan@demo.trellis.test", "aiko@demo.trellis.test", "sam@demo.trellis.test"]) {
    test(`${demoClient(email).displayName}'s report prints on at most ${MAX_PAGES} A4 pages, without form controls`, async ({ page }) => {
      await openReport(page, email);
      // On screen the range can be changed and the page printed…
      await expect(page.getByRole("button", { name: "Print" })).toBeVisible();
      await page.emulateMedia({ media: "print" });
      // …on paper there is nothing to click, and the chosen period is written out.
      expect(await visibleControls(page)).toEqual([]);
      await expect(page.getByRole("navigation", { name: "Time range" })).toBeHidden();
      await expect(page.getByText(/^Period/).first()).toBeVisible();
      const pages = await printedPages(page);
      test.info().annotations.push({ type: "pdf-pages", description: `${email}: ${pages}` });
      console.log(`report pdf pages ${email}: ${pages}`);
      expect(pages).toBeLessThanOrEqual(MAX_PAGES);
    });
  }

  test("an open safety flag is on the report, with its date and question, on screen and on paper", async ({ page }) => {
    await openReport(page, "aiko@demo.trellis.test");
    await page.emulateMedia({ media: "print" });
    const flags = page.getByRole("region", { name: "Open safety flags" });
    await expect(flags).toBeVisible();
    // The seeded flag (other specs may raise more for Aiko on the same demo data).
    const seeded = flags.getByRole("listitem").filter({ hasText: FLAG_QUESTION }).first();
    await expect(seeded).toContainText("Partly");
    await expect(seeded.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);
    // Jordan has no open flag: the section says so in one line instead of an empty card.
    await page.emulateMedia({ media: "screen" });
    await openReport(page, "jordan@demo.trellis.test");
    await expect(page.getByRole("region", { name: "Open safety flags" })).toContainText("No open safety flags.");
  });

  test("a chosen date range is in the address, written out on the report", async ({ page }) => {
    const to = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10);
    await openReport(page, "jordan@demo.trellis.test", `?from=${from}&to=${to}`);
    await expect(page.getByLabel("From", { exact: true })).toHaveValue(from);
    await expect(page.getByLabel("To", { exact: true })).toHaveValue(to);
    await page.emulateMedia({ media: "print" });
    const period = page.getByTestId("report-period");
    await expect(period).toBeVisible();
    await expect(period).toContainText(String(Number(from.slice(8, 10))));
    expect(await visibleControls(page)).toEqual([]);
  });

  test("a chosen period in the past is charted exactly: its weeks, nothing after its last day", async ({ page }) => {
    const dayAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
    const from = dayAgo(45);
    const to = dayAgo(17);
    await openReport(page, "jordan@demo.trellis.test", `?from=${from}&to=${to}`);
    const checkIn = page.getByRole("heading", { level: 2, name: "Weekly trust check-in", exact: true }).locator("xpath=ancestor::*[.//table][1]");
    const weeks = await checkIn.getByRole("table").first().locator("tbody tr th, tbody tr td:first-child").allTextContents();
    expect(weeks.length, "a week row each").toBeGreaterThanOrEqual(4);
    expect(weeks[0], "the first row is the week of the first chosen day").toBe(longDate(mondayOf(from)));
    expect(weeks.at(-1), "the last row is the week of the last chosen day, not this week").toBe(longDate(mondayOf(to)));
  });

  test("a bad date range gets a clear message, never a server error", async ({ page }) => {
    for (const [query, message] of [
      ["?from=2026-13-45", "Enter the start date as a real date (YYYY-MM-DD)."],
      ["?from=yesterday&to=2026-01-01", "Enter the start date as a real date (YYYY-MM-DD)."],
      ["?from=2026-03-10&to=2026-02-01", "The start date must be on or before the end date."],
      ["?to=2026-02-30", "Enter the end date as a real date (YYYY-MM-DD)."],
      [`?from=${"9".repeat(500)}`, "Enter the start date as a real date (YYYY-MM-DD)."],
      // Year 0000 once looped for ever laying out its weeks.
      ["?from=0000-01-01", "Choose dates from the last two years"],
      ["?from=1999-01-01&to=1999-12-31", "Choose dates from the last two years"],
    ] as const) {
      const response = await openReport(page, "jordan@demo.trellis.test", query);
      expect(response?.status(), query).toBe(200);
      await expect(page.getByRole("alert").filter({ hasText: message })).toBeVisible();
    }
  });
});
