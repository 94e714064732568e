import type { Browser, BrowserContext, Page } from "@playwright/test";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { mailArrived } from "@/tests/support/e2e-smtp-sink";
import { createAssignments } from "@/lib/assignments/create-assignments";
import { todayIn } from "@/lib/dates/local-date";
import { DEMO_CLIENTS, DEMO_CLINICIAN, DEMO_CLINICIAN_CLIENTS, DEMO_PASSWORD, DEMO_THERAPIST } from "@/scripts/seed/demo-accounts";
import { signInByApi } from "./support/auth";
import { ensureDemoPractice } from "./support/demo-practice";
import { expect, test, watchServerErrors } from "./support/fixtures";
import { choose, expectSaved, question } from "./support/homework-portal";
import { mailTo } from "./support/outbox";

// On the demo practice. Safety on a phone (390×844): the crisis lines appear right under the
// question that was answered unsafe, in view without scrolling, focused and
// announced, with tap-to-call links for the client's country; they stay; the
// clinician's content-free alert goes out over SMTP. Every test also fails on
// any 5xx (fixtures).

const AFRAID = "Do you feel afraid of, or unsafe with, your partner?";
const PHONE = { width: 390, height: 844 };
const AIKO = DEMO_CLIENTS.find((client) => client.email === "aiko@demo.trellis.test")!;
const NOOR = DEMO_CLINICIAN_CLIENTS.find((client) => client.email === "noor@demo.trellis.test")!;

/** A safety check due today for a demo client, assigned by their own clinician; its entry page. */
async function assignSafetyCheck(clientEmail: string) {
  const client = await db.client.findFirstOrThrow({ where: { email: clientEmail }, select: { id: true, therapistId: true, practiceId: true, timeZone: true } });
  const template = await db.exerciseTemplate.findUniqueOrThrow({ where: { slug: "relationship-safety-check" }, select: { id: true } });
  const today = todayIn(client.timeZone);
  const [created] = await createAssignments(
    { therapistId: client.therapistId, practiceId: client.practiceId },
    { templateId: template.id, clientIds: [client.id], note: null, scheduleType: "ONCE", startDate: today, dueDate: today, endDate: undefined, weekdays: [], dayCount: undefined },
  );
  return { clientId: client.id, url: `/portal/homework/${created!.id}/${today}` };
}

async function expectNoHorizontalScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth), "nothing overflows the phone's screen").toBeLessThanOrEqual(PHONE.width);
}

const contexts: BrowserContext[] = [];

async function phonePage(browser: Browser, baseURL: string | undefined, serverErrors: string[]): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: PHONE, screen: PHONE, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
  watchServerErrors(context, serverErrors);
  contexts.push(context);
  return context.newPage();
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await ensureDemoPractice();
});

test.afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

async function answerTheOtherQuestions(phone: Page) {
  await choose(phone, "Is your partner consistent, and do they take responsibility when they get things wrong?", "Partly");
  await choose(phone, "Looking at the last few weeks and months, do you feel emotionally safe with your partner?", "No");
  await choose(phone, "Overall, is this relationship helping you grow, or keeping you anxious?", "Mostly keeping me anxious");
}

test("Aiko (Tokyo) says they feel afraid sees Japanese crisis lines under the question, focused and in view; they stay; the clinician's alert arrives by e-mail", async ({
  browser,
  baseURL,
  serverErrors,
}) => {
  const started = new Date();
  const { clientId, url } = await assignSafetyCheck(AIKO.email);
  const phone = await phonePage(browser, baseURL, serverErrors);
  await signInByApi(phone.request, { email: AIKO.email, password: DEMO_PASSWORD });
  await phone.goto(url);
  await answerTheOtherQuestions(phone);
  const crisis = phone.getByTestId("crisis-resources");
  await expect(crisis).toHaveCount(0);

  await test.step("the panel appears under the question, in view, focused, with tap-to-call links for Japan", async () => {
    await choose(phone, AFRAID, "Yes");
    await expect(crisis).toBeVisible();
    await expect(crisis).toHaveRole("alert");
    await expect(crisis).toBeFocused();
    await expect(crisis).toBeInViewport();
    await expect(crisis).toHaveAttribute("data-country", "JP");
    // Right after the answers it belongs to, not at the top of the form.
    const group = question(phone, AFRAID);
    await expect(group.locator("xpath=following-sibling::*[1]")).toHaveAttribute("data-testid", "crisis-resources");
    const [groupBox, panelBox] = [await group.boundingBox(), await crisis.boundingBox()];
    expect(panelBox!.y - (groupBox!.y + groupBox!.height)).toBeLessThan(40);
    expect(panelBox!.y).toBeGreaterThan(groupBox!.y);

    for (const [name, href] of [
      [/^Police/, "tel:110"],
      [/^Ambulance and fire/, "tel:119"],
      [/^TELL Lifeline/, "tel:0357740992"],
    ] as const) {
      const link = crisis.getByRole("link", { name });
      await expect(link).toHaveAttribute("href", href);
      const box = await link.boundingBox();
      expect(box!.height, `${href} is a big tap target`).toBeGreaterThanOrEqual(48);
      expect(box!.width).toBeGreaterThan(300);
    }
    await expect(crisis.getByRole("link", { name: /911|999|988/ })).toHaveCount(0);
    // The first number is in view without scrolling.
    await expect(crisis.getByRole("link", { name: /^Police/ })).toBeInViewport();
    await expectNoHorizontalScroll(phone);
  });

  await test.step("changing the answer does not take the numbers away; “I've seen this” folds them to one line that opens them again", async () => {
    await choose(phone, AFRAID, "No");
    await expect(crisis).toBeVisible();
    await crisis.getByRole("button", { name: "I’ve seen this" }).click();
    await expect(crisis).toHaveCount(0);
    await phone.getByTestId("crisis-resources-folded").click();
    await expect(crisis).toBeVisible();
    await choose(phone, AFRAID, "Yes");
    await expectSaved(phone);
  });

  await test.step("the clinician's alert is queued once and arrives over SMTP, saying nothing about the client", async () => {
    const flag = await db.safetyFlag.findFirstOrThrow({ where: { clientId, raisedAt: { gte: started } }, select: { id: true, alertQueuedAt: true } });
    expect(flag.alertQueuedAt).not.toBeNull();
    expect(await db.auditEvent.count({ where: { subjectId: flag.id, action: "flag.alert_queued" } }), "one alert for the entry, however often the draft was saved").toBe(1);
    expect((await mailTo(DEMO_THERAPIST.email)).some((row) => row.kind === "safety-alert" && row.createdAt >= started)).toBe(true);
    const mail = await mailArrived(DEMO_THERAPIST.email, (received) => received.subject === "A client's entry needs your attention" && received.receivedAt >= started);
    expect(mail.text).toContain("sign in to Trellis");
    expect(mail.text).toMatch(/\/dashboard/);
    for (const secret of ["Aiko", "Tanaka", "afraid", clientId]) expect(mail.text).not.toContain(secret);
  });
});

test("Noor's clinician picks Ireland for her crisis lines and the owner's own Irish lines replace the built-in ones", async ({ page, browser, baseURL, serverErrors }) => {
  const { clientId, url } = await assignSafetyCheck(NOOR.email);
  try {
  await signInByApi(page.request, { email: DEMO_CLINICIAN.email, password: DEMO_PASSWORD });

  await test.step("client page (her clinician): Los Angeles gives the US lines; choose Ireland", async () => {
    await page.goto(`/clients/${clientId}`);
    const form = page.getByTestId("client-country-form");
    const select = form.getByLabel("Crisis lines shown to this client");
    await expect(select.locator("option:checked")).toHaveText("From their time zone (United States)");
    await select.selectOption("IE");
    await form.getByRole("button", { name: "Save country" }).click();
    await expect(form.getByText("Crisis lines for Ireland will be shown.")).toBeVisible();
    await expect.poll(() => db.client.findUniqueOrThrow({ where: { id: clientId }, select: { country: true } })).toEqual({ country: "IE" });
  });

  await test.step("practice crisis lines (the owner): a number with letters is refused next to its field; a good list is saved", async () => {
    await page.context().clearCookies();
    await signInByApi(page.request, { email: DEMO_THERAPIST.email, password: DEMO_PASSWORD });
    await page.goto("/practice/crisis-lines?country=IE");
    const form = page.getByTestId("crisis-lines-form");
    const name = form.getByRole("textbox", { name: "Name" });
    const phoneNumber = form.getByRole("textbox", { name: "Phone number" });
    await expect(name.first()).toHaveValue("Emergency (Gardaí, ambulance, fire)");
    await name.nth(3).fill("Our out-of-hours line");
    await phoneNumber.nth(3).fill("CALL-US-NOW");
    await form.getByRole("button", { name: "Save lines for Ireland" }).click();
    await expect(phoneNumber.nth(3)).toHaveAccessibleDescription(/digits, spaces/);
    await expect(name.nth(3)).toHaveValue("Our out-of-hours line");
    await phoneNumber.nth(3).fill("01 555 0100");
    await form.getByRole("button", { name: "Save lines for Ireland" }).click();
    await expect(page.getByText("Saved. Clients in Ireland now see these lines.")).toBeVisible();
    await expect(page.getByTestId("crisis-country-IE")).toContainText("your lines");
  });

  await test.step("the client sees Ireland's lines with the practice's own line", async () => {
    const phone = await phonePage(browser, baseURL, serverErrors);
    await signInByApi(phone.request, { email: NOOR.email, password: DEMO_PASSWORD });
    await phone.goto(url);
    await choose(phone, AFRAID, "Partly");
    const crisis = phone.getByTestId("crisis-resources");
    await expect(crisis).toBeInViewport();
    await expect(crisis).toHaveAttribute("data-country", "IE");
    await expect(crisis.getByRole("link", { name: /^Our out-of-hours line/ })).toHaveAttribute("href", "tel:015550100");
    await expect(crisis.getByRole("link", { name: /^Samaritans/ })).toHaveAttribute("href", "tel:116123");
  });
  } finally {
    // Leave the demo practice as other specs expect it.
    await db.client.update({ where: { id: clientId }, data: { country: null } });
    const practice = await db.client.findUniqueOrThrow({ where: { id: clientId }, select: { practiceId: true } });
    await db.practice.update({ where: { id: practice.practiceId }, data: { crisisLines: Prisma.DbNull } });
  }
});
