// Homework, library and safety specs: a phone for the client, and a few
// shortcuts for setting up what the UI under test is not about.
import { devices, type BrowserContext, type Page } from "@playwright/test";
import { createAssignments } from "@/lib/assignments/create-assignments";
import { db } from "@/lib/db";
import { createCustomTemplate } from "@/lib/templates/save-template";
import { todayIn } from "@/lib/dates/local-date";
import type { ClientScope } from "@/lib/homework/client-scope";
import type { ActiveClient, TestTherapist } from "./factories";
import { expect, test as base, watchServerErrors } from "./fixtures";

export const PHONE = { width: 375, height: 812 };

type HomeworkFixtures = {
  /**
   * Opens a page in a fresh context set up like a phone (375×812, touch,
   * mobile viewport rules). Its 5xx responses count against the test too.
   */
  newPhonePage: () => Promise<Page>;
};

export const test = base.extend<HomeworkFixtures>({
  newPhonePage: async ({ browser, baseURL, serverErrors }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async () => {
      const context = await browser.newContext({
        baseURL,
        userAgent: devices["Pixel 7"].userAgent,
        viewport: PHONE,
        screen: PHONE,
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
      });
      watchServerErrors(context, serverErrors);
      contexts.push(context);
      return context.newPage();
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});

export { expect };

/** Therapist and client share a time zone, so "today" is one date for both sides of the test. */
export const TIME_ZONE = "Europe/Berlin";

export function todayForClient(client: Pick<ActiveClient, "timeZone">): string {
  return todayIn(client.timeZone);
}

export function clientScopeOf(therapist: TestTherapist, client: ActiveClient): ClientScope {
  return { clientId: client.id, userId: client.userId, practiceId: therapist.practiceId, timeZone: client.timeZone };
}

/** A practice exercise made through the app's own function: one journal question and one 0–10 scale. */
export async function createJournalExercise(therapist: TestTherapist, title: string) {
  const journal = { key: "what_happened", label: "What happened, in your own words?" };
  const scale = { key: "how_close", label: "How close did you feel to your partner?", minLabel: "Far apart", maxLabel: "Very close" };
  const saved = await createCustomTemplate(
    { therapistId: therapist.id, practiceId: therapist.practiceId },
    {
      title,
      purpose: "A few minutes to put the day into words.",
      kind: "journal",
      estimatedMinutes: 5,
      allowsMultiplePerDay: false,
      fields: [
        { type: "long_text", ...journal },
        { type: "scale", ...scale },
      ],
    },
  );
  return { templateId: saved.templateId, journal, scale };
}

/** Assigns through the app's own function, once and due today in the client's calendar. */
export async function assignDueToday(
  therapist: TestTherapist,
  client: ActiveClient,
  templateId: string,
  options: { note?: string | null } = {},
): Promise<{ assignmentId: string; entryKey: string; url: string }> {
  const today = todayForClient(client);
  const [created] = await createAssignments(
    { therapistId: therapist.id, practiceId: therapist.practiceId },
    {
      templateId,
      clientIds: [client.id],
      note: options.note ?? null,
      scheduleType: "ONCE",
      startDate: today,
      dueDate: today,
      endDate: undefined,
      weekdays: [],
      dayCount: undefined,
    },
  );
  if (!created) throw new Error(`assigning ${templateId} created nothing`);
  // Scheduled entries are keyed by their due date.
  return { assignmentId: created.id, entryKey: today, url: `/portal/homework/${created.id}/${today}` };
}

export async function builtInTemplateId(slug: string): Promise<string> {
  const template = await db.exerciseTemplate.findUniqueOrThrow({ where: { slug }, select: { id: true, practiceId: true } });
  expect(template.practiceId, `${slug} is a built-in`).toBeNull();
  return template.id;
}

export async function submissionRows(assignmentId: string, entryKey: string) {
  return db.submission.findMany({
    where: { assignmentId, entryKey },
    select: { id: true, status: true, answers: true, version: true, submittedAt: true },
  });
}

/** The one stored row of an entry (draft or submitted), as the autosave left it. */
export async function storedAnswers(assignmentId: string, entryKey: string): Promise<Record<string, unknown> | null> {
  const row = await db.submission.findUnique({
    where: { assignmentId_entryKey: { assignmentId, entryKey } },
    select: { answers: true },
  });
  return (row?.answers as Record<string, unknown> | undefined) ?? null;
}

/** Nothing typed may be kept on the device: answers live in memory and on the server only. */
export async function browserStorageCount(page: Page): Promise<number> {
  return page.evaluate(() => window.localStorage.length + window.sessionStorage.length);
}

/** `soft` reports every page that overflows instead of stopping at the first. */
export async function expectNoHorizontalScroll(page: Page, where: string, options: { soft?: boolean } = {}) {
  const check = options.soft ? expect.soft : expect;
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  // On a phone, content wider than the screen also widens the layout viewport, so check both.
  check(innerWidth, `${where}: the layout viewport is ${innerWidth}px on a ${PHONE.width}px screen`).toBe(PHONE.width);
  check(scrollWidth, `${where} is ${scrollWidth}px wide on a ${PHONE.width}px screen`).toBeLessThanOrEqual(PHONE.width);
}
