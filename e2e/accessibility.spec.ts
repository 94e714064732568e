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

type Resolve = (page: Page) => Promise<string>;
const fixed = (path: string): Resolve => async () => path;

async function jordanId() {
  return (await db.client.findFirstOrThrow({ where: { email: JORDAN.email }, select: { id: true } })).id;
}

const THERAPIST_PAGES: [string, Resolve][] = [
  ["caseload", fixed("/dashboard")],
  ["clients", fixed("/clients")],
  ["a client", async () => `/clients/${await jordanId()}`],
  ["a client's progress", async () => `/clients/${await jordanId()}/progress`],
  ["a client's report", async () => `/clients/${await jordanId()}/report`],
  ["a client's sessions", async () => `/clients/${await jordanId()}/sessions`],
  ["review inbox", fixed("/review")],
  [
    "an entry to review",
    async () => {
      const submission = await db.submission.findFirstOrThrow({
        where: { client: { email: JORDAN.email }, status: "SUBMITTED" },
        orderBy: { submittedAt: "desc" },
        select: { id: true },
      });
      return `/review/${submission.id}`;
    },
  ],
  ["library", fixed("/library")],
  ["an exercise in the library", (page) => firstLink(page, "/library", 'a[href^="/library/"]:not([href="/library/new"])')],
  ["exercise builder", fixed("/library/new")],
  ["assign", fixed("/assign")],
  ["outbox", fixed("/outbox")],
  ["practice members", fixed("/practice/members")],
  ["practice settings", fixed("/practice/settings")],
  ["crisis lines", fixed("/practice/crisis-lines")],
  ["account", fixed("/account")],
];

const CLIENT_PAGES: [string, Resolve][] = [
  ["portal home", fixed("/portal")],
  ["an entry form", (page) => firstLink(page, "/portal", 'a[href^="/portal/homework/"]')],
  ["My progress", fixed("/portal/progress")],
  ["account", fixed("/portal/account")],
  ["an entry", (page) => firstLink(page, "/portal", 'a[href^="/portal/entries/"]')],
  // Jordan's partner Sam shares an entry with him in the demo. (The shared entry itself is the same answer view as
  // "an entry"; e2e/couples-sharing.spec.ts withdraws it for a moment, so it is not opened from here.)
  ["shared with you", fixed("/portal/shared")],
];

const SIGNED_OUT_PAGES: [string, Resolve][] = [
  ["sign-in", fixed("/sign-in")],
  ["sign-up", fixed("/sign-up")],
  ["forgot password", fixed("/forgot-password")],
];

const PEOPLE = [
  { who: "therapist", email: DEMO_THERAPIST.email as string | undefined, pages: THERAPIST_PAGES },
  { who: "client", email: JORDAN.email as string | undefined, pages: CLIENT_PAGES },
  { who: "signed out", email: undefined, pages: SIGNED_OUT_PAGES },
];

test.describe("accessibility (axe-core, WCAG 2.0–2.2 A/AA)", () => {
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    await ensureDemoPractice();
  });

  for (const [width, viewport] of Object.entries(VIEWPORTS)) {
    test.describe(`at ${width} width`, () => {
      test.use({ viewport });
      for (const { who, email, pages } of PEOPLE) {
        for (const [name, resolve] of pages) {
          test(`${who}: ${name} has no serious or critical violations (${width})`, async ({ page }) => {
            // Two shared cores: a page and its audit take seconds when colleagues build at the same time.
            test.setTimeout(120_000);
            if (email) await signInByApi(page.request, { email, password: DEMO_PASSWORD });
            const findings: Finding[] = [];
            await audit(page, await resolve(page), findings);
            expect(findings, report(findings)).toEqual([]);
          });
        }
      }
    });
  }
});
