import type { Locator, Page } from "@playwright/test";
import { formatNumber, longDate } from "@/components/progress/format";
import { db } from "@/lib/db";
import { addDays, fromDbDate, weekdayOf, type LocalDate } from "@/lib/dates/local-date";
import { DEMO_CLIENTS, DEMO_PASSWORD, DEMO_THERAPIST } from "@/scripts/seed/demo-accounts";
import { demoPracticeExists, seedDemoPractice } from "@/scripts/seed/seed-demo-practice";
import { signInByApi } from "./support/auth";
import { expect, test } from "./support/fixtures";

// Every test here also fails if any response had a 5xx status (see the serverErrors fixture).
//
// The demo practice is seeded once into the run's database (shared by both
// workers), so every test that reads it lives in this one serial describe.

const CHECK_IN_METRICS = ["predictability", "reliability", "emotional_safety", "worry", "times_checked"] as const;

function demoClient(email: string) {
  const client = DEMO_CLIENTS.find((entry) => entry.email === email);
  if (!client) throw new Error(`No demo client ${email}`);
  return { email: client.email, password: DEMO_PASSWORD, displayName: client.displayName };
}

const JORDAN = demoClient("jordan@demo.trellis.test");
const SAM = demoClient("sam@demo.trellis.test");
const AIKO = demoClient("aiko@demo.trellis.test");

async function clientIdOf(email: string): Promise<string> {
  const client = await db.client.findFirstOrThrow({ where: { email, therapist: { email: DEMO_THERAPIST.email } }, select: { id: true } });
  return client.id;
}

/** Monday of the week holding `date` (weeks start on Monday, as in the app's SQL). */
function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, -((weekdayOf(date) + 6) % 7));
}

/**
 * The check-in table's rows for the weeks with a check-in, worked out from
 * the client's measurements: "Week of", then each metric's weekly mean.
 */
async function expectedCheckInRows(email: string): Promise<{ entries: number; rows: string[][] }> {
  const measurements = await db.measurement.findMany({
    where: { client: { email, therapist: { email: DEMO_THERAPIST.email } }, metric: { startsWith: "weekly-trust-check-in." } },
    select: { metric: true, value: true, recordedOn: true, submissionId: true },
  });
  const weeks = new Map<LocalDate, Map<string, number[]>>();
  for (const measurement of measurements) {
    const week = mondayOf(fromDbDate(measurement.recordedOn));
    const metrics = weeks.get(week) ?? new Map<string, number[]>();
    const values = metrics.get(measurement.metric) ?? [];
    values.push(measurement.value);
    metrics.set(measurement.metric, values);
    weeks.set(week, metrics);
  }
  const mean = (values: number[] | undefined) =>
    values?.length ? Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 100) / 100 : null;
  const rows = [...weeks.keys()]
    .sort()
    .map((week) => [longDate(week), ...CHECK_IN_METRICS.map((metric) => formatNumber(mean(weeks.get(week)?.get(`weekly-trust-check-in.${metric}`))))]);
  return { entries: new Set(measurements.map((measurement) => measurement.submissionId)).size, rows };
}

/** The progress card (a <section>) whose heading is `title`. */
function card(page: Page, title: string): Locator {
  return page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: title, exact: true }) });
}

/** Opens the card's "Show as a table" and returns the table's body rows as cell texts, once it has rows. */
async function openTableRows(cardLocator: Locator): Promise<string[][]> {
  await cardLocator.getByText("Show as a table", { exact: true }).click();
  const table = cardLocator.getByRole("table");
  await expect(table).toBeVisible();
  const rows = table.locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  return rows.evaluateAll((elements) =>
    elements.map((row) => Array.from(row.querySelectorAll("th, td"), (cell) => (cell.textContent ?? "").trim())),
  );
}

/** Rows of a check-in table for weeks with a check-in ("—" in every value cell means none that week). */
function weeksWithData(rows: string[][]): string[][] {
  return rows.filter((cells) => cells.slice(1).some((cell) => cell !== "—"));
}

test.describe.serial("progress in the demo practice", () => {
  test.beforeAll(async () => {
    // Builds the whole demo history through the app's functions: allow it time.
    test.setTimeout(180_000);
    if (!(await demoPracticeExists())) await seedDemoPractice();
  });

  test("the demo therapist's caseload lists the client with an open safety flag first", async ({ page }) => {
    await signInByApi(page.request, { email: DEMO_THERAPIST.email, password: DEMO_PASSWORD });
    // The owner's caseload covers the practice; her own clients are the three who joined.
    const owner = await db.user.findUniqueOrThrow({ where: { email: DEMO_THERAPIST.email }, select: { id: true } });
    await page.goto(`/dashboard?clinician=${owner.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Caseload");

    const rows = page.getByTestId("caseload-row");
    await expect(rows).toHaveCount(3);
    const first = rows.first();
    await expect(first.getByRole("rowheader")).toContainText(AIKO.displayName);
    const flags = first.getByRole("list", { name: `Open flags for ${AIKO.displayName}` });
    await expect(flags.getByText("Safety", { exact: true })).toBeVisible();

    // Only the flagged client carries a safety flag.
    await expect(page.getByText("Safety", { exact: true })).toHaveCount(1);
  });

  test("a client's progress page shows a card for each exercise they have, with a chart, a summary and a table for the check-in", async ({ page }) => {
    const jordanId = await clientIdOf(JORDAN.email);
    const expected = await expectedCheckInRows(JORDAN.email);
    expect(expected.rows.length, "the demo gives Jordan check-ins").toBeGreaterThan(0);

    await signInByApi(page.request, { email: DEMO_THERAPIST.email, password: DEMO_PASSWORD });
    await page.goto(`/clients/${jordanId}/progress?range=all`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Progress");
    await expect(page.getByText(JORDAN.displayName, { exact: false }).first()).toBeVisible();

    // Jordan has the check-in, the trigger log and micro-promises: their cards, and every other number they answer.
    for (const title of ["Weekly trust check-in", "Weekly trust check-in: more answers", "Trigger log", "Trigger log: more answers", "Micro-promises", "Adherence"]) {
      await expect(page.getByRole("heading", { level: 2, name: title, exact: true }), `the “${title}” card`).toBeVisible();
    }
    const moreCheckIn = card(page, "Weekly trust check-in: more answers");
    await expect(moreCheckIn.getByRole("heading", { level: 3, name: /how many times did you check/i })).toBeVisible();
    // Nothing for exercises Jordan never had, and no "assign" prompts.
    for (const title of ["PHQ-9 (mood)", "GAD-7 (anxiety)", "Signs of mistrust self-check"]) {
      await expect(page.getByRole("heading", { level: 2, name: title, exact: true })).toHaveCount(0);
    }
    await expect(page.locator("main")).not.toContainText("Assign");

    const checkIn = card(page, "Weekly trust check-in");
    await expect(checkIn).toHaveCount(1);
    await expect(checkIn.locator("svg.recharts-surface").first()).toBeVisible();
    // The chart's frame is an image for assistive technology, labelled with the figures in words.
    await expect(checkIn.locator('div[role="img"]')).toHaveAttribute("aria-label", /^Weekly trust check-in, 0 to 10: /);
    await expect(checkIn.getByText(`${expected.entries} check-ins so far.`, { exact: false })).toBeVisible();

    const table = checkIn.getByRole("table");
    await expect(table).toBeHidden();
    const rows = await openTableRows(checkIn);
    expect(rows.length).toBeGreaterThanOrEqual(expected.rows.length);
    expect(weeksWithData(rows)).toEqual(expected.rows);
  });

  test("“My progress” shows a client only their own data", async ({ page, newPage }) => {
    const jordanExpected = await expectedCheckInRows(JORDAN.email);
    const samExpected = await expectedCheckInRows(SAM.email);

    await signInByApi(page.request, JORDAN);
    await page.goto("/portal/progress");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("My progress");
    const jordanCard = card(page, "Your weekly trust check-in");
    await expect(jordanCard).toHaveCount(1);
    await expect(jordanCard.getByText(`You did ${jordanExpected.entries} check-ins`, { exact: false })).toBeVisible();
    const jordanRows = await openTableRows(jordanCard);
    expect(weeksWithData(jordanRows), "Jordan's table is Jordan's check-ins").toEqual(jordanExpected.rows);
    // The last card streams in last; once it is there, the whole page is.
    await expect(page.getByRole("heading", { level: 2, name: "Homework done each week", exact: true })).toBeVisible();
    const body = page.locator("body");
    await expect(body).not.toContainText(SAM.displayName);
    await expect(body).not.toContainText(AIKO.displayName);

    const samPage = await newPage();
    await signInByApi(samPage.request, SAM);
    await samPage.goto("/portal/progress");
    await expect(samPage.getByRole("heading", { level: 1 })).toHaveText("My progress");
    const samCard = card(samPage, "Your weekly trust check-in");
    await expect(samCard.getByText(`You did ${samExpected.entries} check-ins`, { exact: false })).toBeVisible();
    const samRows = await openTableRows(samCard);
    expect(weeksWithData(samRows), "Sam's table is Sam's check-ins").toEqual(samExpected.rows);
    expect(samRows, "Sam sees a different check-in table from Jordan's").not.toEqual(jordanRows);
    await expect(samPage.getByRole("heading", { level: 2, name: "Homework done each week", exact: true })).toBeVisible();
    await expect(samPage.locator("body")).not.toContainText(JORDAN.displayName);
    await expect(samPage.locator("body")).not.toContainText(AIKO.displayName);
  });

  test("Aiko's progress opens where her homework starts, charts every exercise she has once, and says nothing about the rest", async ({ page }) => {
    const aikoId = await clientIdOf(AIKO.email);
    await signInByApi(page.request, { email: DEMO_THERAPIST.email, password: DEMO_PASSWORD });
    await page.goto(`/clients/${aikoId}/progress`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Progress");
    // Her homework began four weeks ago: the default range is not twelve weeks of nothing.
    await expect(page.getByRole("navigation", { name: "Time range" }).getByRole("link", { name: "All time" })).toHaveAttribute("aria-current", "page");
    for (const title of ["Grounding practice", "PHQ-9 (mood)", "Is this relationship safe for me?", "Adherence"]) {
      await expect(page.getByRole("heading", { level: 2, name: title, exact: true }), `the “${title}” card`).toBeVisible();
    }
    for (const title of ["Weekly trust check-in", "Trigger log", "Micro-promises", "GAD-7 (anxiety)", "Signs of mistrust self-check"]) {
      await expect(page.getByRole("heading", { level: 2, name: title, exact: true })).toHaveCount(0);
    }
    const main = page.locator("main");
    await expect(main).not.toContainText("Assign");
    await expect(main).not.toContainText("Nothing in this period");
    // Straight lines between the real values, and a 0–10 scale ticked 0, 2, 4, 6, 8, 10.
    const grounding = card(page, "Grounding practice");
    await expect(grounding.locator("path.recharts-line-curve").first()).toBeVisible();
    const path = await grounding.locator("path.recharts-line-curve").first().getAttribute("d");
    expect(path, "a linear path has no curve commands").not.toMatch(/C/);
    const firstChart = grounding.locator('div[role="img"]').first();
    await expect(firstChart.locator(".recharts-cartesian-axis-tick-value").first()).toBeVisible();
    // The x axis is labelled with dates; the whole numbers are the y axis.
    const ticks = (await firstChart.locator(".recharts-cartesian-axis-tick-value").allTextContents()).filter((tick) => /^\d+$/.test(tick.trim()));
    expect(ticks).toEqual(["0", "2", "4", "6", "8", "10"]);
  });

  test("My progress on a phone is drawn by the server: charts without the app's scripts, period labels that never overlap", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, viewport: { width: 375, height: 812 } });
    try {
      const page = await context.newPage();
      // No script file loads (React's inline streaming snippets still run): whatever is drawn, the server drew.
      const blocked: string[] = [];
      await page.route(/\/_next\/static\/.*\.js(\?.*)?$/, async (route) => {
        blocked.push(route.request().url());
        await route.abort();
      });
      await signInByApi(page.request, JORDAN);
      await page.goto("/portal/progress");
      await expect(page.getByRole("heading", { level: 2, name: "Homework done each week", exact: true })).toBeVisible();
      const charts = page.locator('main div[role="img"]');
      expect(await charts.count(), "every card's chart is in the HTML").toBeGreaterThanOrEqual(3);
      expect(await page.locator("main g[data-series] line").count(), "the check-in's lines are drawn").toBeGreaterThan(0);
      for (const chart of await charts.all()) {
        const name = await chart.getAttribute("aria-label");
        const plot = chart.locator("svg[data-plot]");
        await expect(plot, `${name}: a plot`).toBeVisible();
        const plotBox = (await plot.boundingBox())!;
        expect(plotBox.width, `${name}: the plot uses the phone's width`).toBeGreaterThan(200);
        const labels = await plot.locator("text[data-period]").evaluateAll((texts) =>
          texts
            .filter((text) => getComputedStyle(text).display !== "none")
            .map((text) => {
              const box = text.getBoundingClientRect();
              return { left: box.left, right: box.right };
            }),
        );
        expect(labels.length, `${name}: some period labels show`).toBeGreaterThan(0);
        // Lines are straight segments (never a curved path), each starting and ending on a marker the reader can see.
        expect(await chart.locator("g[data-series] path").count(), `${name}: lines are <line> segments`).toBe(0);
        const pathData = await chart.locator("path").evaluateAll((paths) => paths.map((path) => path.getAttribute("d") ?? ""));
        expect(pathData.filter((d) => /[CcSsQqTtAa]/.test(d)), `${name}: no curves anywhere (bar patterns are straight strokes)`).toEqual([]);
        const ends = await chart.locator("g[data-series] line").evaluateAll((lines) =>
          lines.map((line) => {
            const box = line.getBoundingClientRect();
            return { left: box.left, right: box.right };
          }),
        );
        const markers = await chart.locator("svg[data-point]").evaluateAll((points) =>
          points.map((point) => {
            const box = point.lastElementChild!.getBoundingClientRect();
            return (box.left + box.right) / 2;
          }),
        );
        for (const end of ends) {
          expect(markers.some((centre) => Math.abs(centre - end.left) < 3), `${name}: a segment starts at a marker`).toBe(true);
          expect(markers.some((centre) => Math.abs(centre - end.right) < 3), `${name}: a segment ends at a marker`).toBe(true);
        }
        for (let index = 1; index < labels.length; index += 1) {
          expect(labels[index]!.left, `${name}: label ${index} clears the one before`).toBeGreaterThan(labels[index - 1]!.right);
        }
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, "no sideways scrolling").toBeLessThanOrEqual(0);
      expect(blocked.length, "the page did ask for its scripts (so blocking them meant something)").toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });
});
