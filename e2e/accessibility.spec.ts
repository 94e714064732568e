// axe-core (WCAG 2.0–2.2, levels A and AA) over every page of the therapist's
// and the client's navigation on the demo practice, at a phone's width and a
// desktop's: no serious or critical violation anywhere. No rule is disabled
// and no part of a page is excluded; a failure names the page, the rule and
// the elements, so it can be fixed without re-running axe by hand.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { db } from "@/lib/db";
import { DEMO_CLIENTS, DEMO_PASSWORD, DEMO_THERAPIST } from "@/scripts/seed/demo-accounts";
import { signInByApi } from "./support/auth";
import { ensureDemoPractice } from "./support/demo-practice";
import { expect, test } from "./support/fixtures";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const VIEWPORTS = { phone: { width: 375, height: 812 }, desktop: { width: 1280, height: 900 } } as const;
const JORDAN = DEMO_CLIENTS.find((client) => client.email === "jordan@demo.trellis.test")!;

type Finding = { page: string; rule: string; impact: string; help: string; targets: string[] };

async function audit(page: Page, path: string, findings: Finding[]) {
  const response = await page.goto(path);
  expect(response?.status(), `GET ${path}`).toBe(200);
  // Client components (charts, forms) render after hydration; axe reads the page as a person would see it.
  await page.waitForLoadState("networkidle");
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  for (const violation of results.violations) {
    if (violation.impact !== "serious" && violation.impact !== "critical") continue;
    findings.push({
      page: path,
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => `${node.target.join(" ")}${node.failureSummary ? ` — ${node.failureSummary.replace(/\s+/g, " ")}` : ""}`),
    });
  }
}

function report(findings: Finding[]): string {
  return findings
    .map((finding) => `${finding.page}: ${finding.rule} (${finding.impact}, ${finding.targets.length} element(s)) ${finding.help}\n    ${finding.targets.join("\n    ")}`)
    .join("\n");
}

/** The first link on `path` matching `selector` (inside main): the page a person would open next. */
async function firstLink(page: Page, path: string, selector: string): Promise<string> {
  await page.goto(path);
  const href = await page.locator(`main ${selector}`).first().getAttribute("href");
  expect(href, `a link ${selector} on ${path}`).toBeTruthy();
  return href!;
}

async function therapistPages(page: Page): Promise<string[]> {
  const client = await db.client.findFirstOrThrow({ where: { email: JORDAN.email }, select: { id: true } });
  const submission = await db.submission.findFirstOrThrow({
    where: { clientId: client.id, status: "SUBMITTED" },
    orderBy: { submittedAt: "desc" },
    select: { id: true },
  });
  const exercise = await firstLink(page, "/library", 'a[href^="/library/"]:not([href="/library/new"])');
  return [
    "/dashboard",
    "/clients",
    `/clients/${client.id}`,
    `/clients/${client.id}/progress`,
    `/clients/${client.id}/report`,
    `/clients/${client.id}/sessions`,
    "/review",
    `/review/${submission.id}`,
    "/library",
    exercise,
    "/library/new",
    "/assign",
    "/outbox",
    "/practice/members",
    "/practice/settings",
    "/practice/crisis-lines",
    "/account",
  ];
}

async function clientPages(page: Page): Promise<string[]> {
  const entryForm = await firstLink(page, "/portal", 'a[href^="/portal/homework/"]');
  const entry = await firstLink(page, "/portal", 'a[href^="/portal/entries/"]');
  return ["/portal", entryForm, "/portal/progress", "/portal/account", entry];
}

const SIGNED_OUT_PAGES = ["/sign-in", "/sign-up", "/forgot-password"];

test.describe("accessibility (axe-core, WCAG 2.0–2.2 A/AA)", () => {
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    await ensureDemoPractice();
  });

  for (const [width, viewport] of Object.entries(VIEWPORTS)) {
    test.describe(`at ${width} width`, () => {
      test.use({ viewport });

      test(`the therapist's pages have no serious or critical violations (${width})`, async ({ page }) => {
        test.setTimeout(240_000);
        await signInByApi(page.request, { email: DEMO_THERAPIST.email, password: DEMO_PASSWORD });
        const findings: Finding[] = [];
        for (const path of await therapistPages(page)) await audit(page, path, findings);
        expect(findings, report(findings)).toEqual([]);
      });

      test(`the client's pages have no serious or critical violations (${width})`, async ({ page }) => {
        test.setTimeout(120_000);
        await signInByApi(page.request, { email: JORDAN.email, password: DEMO_PASSWORD });
        const findings: Finding[] = [];
        for (const path of await clientPages(page)) await audit(page, path, findings);
        expect(findings, report(findings)).toEqual([]);
      });

      test(`the signed-out pages have no serious or critical violations (${width})`, async ({ page }) => {
        const findings: Finding[] = [];
        for (const path of SIGNED_OUT_PAGES) await audit(page, path, findings);
        expect(findings, report(findings)).toEqual([]);
      });
    });
  }
});
