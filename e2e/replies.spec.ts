// Replies instead of chat, on the demo data: Jordan replies to Dr. Okafor's
// feedback from a phone; the therapist sees "New reply" in the review inbox
// and the thread on the entry, and opening it marks the reply read.
import { db } from "@/lib/db";
import { DEMO_CLIENTS, DEMO_PASSWORD, DEMO_THERAPIST } from "@/scripts/seed/demo-accounts";
import { signInByApi } from "./support/auth";
import { ensureDemoPractice } from "./support/demo-practice";
import { expect, test } from "./support/fixtures";

const PHONE = { width: 375, height: 812 };
const JORDAN = DEMO_CLIENTS.find((client) => client.email === "jordan@demo.trellis.test")!;

test.describe.serial("replies to feedback in the demo practice", () => {
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    await ensureDemoPractice();
  });

  test("the client replies on a phone and the therapist reads the thread", async ({ browser, baseURL, page }) => {
    // Jordan's newest entry with feedback from the demo therapist.
    const feedback = await db.feedback.findFirstOrThrow({
      where: { submission: { client: { email: JORDAN.email } }, therapist: { email: DEMO_THERAPIST.email } },
      orderBy: { createdAt: "desc" },
      select: { id: true, submissionId: true },
    });
    const text = `Thank you. I tried naming the feeling first again today (${Date.now()}).`;

    const phone = await browser.newContext({ viewport: PHONE, baseURL, hasTouch: true, isMobile: true });
    const client = await phone.newPage();
    await signInByApi(client.request, { email: JORDAN.email, password: DEMO_PASSWORD });
    await client.goto(`/portal/entries/${feedback.submissionId}`);
    const card = client.getByTestId("feedback").filter({ has: client.locator(`input[name="feedbackId"][value="${feedback.id}"]`) });
    const box = card.getByLabel(`Reply to ${DEMO_THERAPIST.name}`);
    await expect(box).toBeVisible();

    // Nothing typed: the message is next to the field, nothing is sent.
    await card.getByRole("button", { name: "Send reply" }).click();
    await expect(box).toHaveAccessibleDescription(/Write a few words before sending\./);

    await box.fill(text);
    await card.getByRole("button", { name: "Send reply" }).dblclick();
    await expect(card.getByRole("status")).toHaveText("Sent. It will be waiting with your entry.");
    const reply = card.getByTestId("reply").filter({ hasText: text });
    await expect(reply).toContainText("You replied");
    expect(await db.feedbackReply.count({ where: { feedbackId: feedback.id, body: text } }), "a double tap makes one reply").toBe(1);
    const width = await client.evaluate(() => document.documentElement.scrollWidth);
    expect(width, "nothing overflows the phone's screen").toBeLessThanOrEqual(PHONE.width);
    await phone.close();

    // The therapist: a count in the inbox, the filter, the "New reply" marker, the thread.
    await signInByApi(page.request, { email: DEMO_THERAPIST.email, password: DEMO_PASSWORD });
    await page.goto("/review");
    await expect(page.getByTestId("unread-replies")).toBeVisible();
    await page.getByRole("link", { name: "Show entries with new replies" }).click();
    const row = page.getByTestId("inbox-row").filter({ has: page.locator(`a[href="/review/${feedback.submissionId}"]`) });
    await expect(row.getByTestId("new-reply")).toHaveText("New reply");
    await row.getByRole("link").click();
    const thread = page.getByTestId("reply").filter({ hasText: text });
    await expect(thread).toContainText(`${JORDAN.displayName} replied`);
    await expect(thread).toContainText("New reply");

    // Opened by the primary clinician: read, so the marker is gone on the next look.
    await expect.poll(() => db.feedbackReply.count({ where: { feedbackId: feedback.id, body: text, readAt: { not: null } } })).toBe(1);
    await page.reload();
    await expect(page.getByTestId("reply").filter({ hasText: text })).not.toContainText("New reply");
  });
});
