// Couples share with consent, on the demo data: Sam has shared the apology
// with Jordan. Jordan reads it from "Shared with you" on a phone; Sam stops
// sharing and Jordan's link answers not found; Sam shares it again, and the
// clinician sees it among Sam's shared entries and both events in the trail.
import { db } from "@/lib/db";
import { DEMO_CLIENTS, DEMO_PASSWORD, DEMO_THERAPIST } from "@/scripts/seed/demo-accounts";
import { signInByApi } from "./support/auth";
import { ensureDemoPractice } from "./support/demo-practice";
import { expect, test } from "./support/fixtures";

const PHONE = { width: 375, height: 812 };
const client = (email: string) => DEMO_CLIENTS.find((person) => person.email === email)!;
const JORDAN = client("jordan@demo.trellis.test");
const SAM = client("sam@demo.trellis.test");

test.describe.serial("sharing one entry with a partner", () => {
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    await ensureDemoPractice();
  });

  test("the partner reads a shared entry; withdrawing it closes it again", async ({ browser, baseURL }) => {
    const apology = await db.submission.findFirstOrThrow({
      where: { client: { email: SAM.email }, templateVersion: { title: { contains: "apology", mode: "insensitive" } } },
      select: { id: true, sharedWithPartnerAt: true, templateVersion: { select: { title: true } } },
    });
    // The seed shares it (tests/integration/demo-practice.test.ts); a run stopped half-way may have left it withdrawn.
    if (!apology.sharedWithPartnerAt) await db.submission.update({ where: { id: apology.id }, data: { sharedWithPartnerAt: new Date() } });

    const phone = () => browser.newContext({ viewport: PHONE, baseURL, hasTouch: true, isMobile: true });
    const jordanContext = await phone();
    const jordan = await jordanContext.newPage();
    await signInByApi(jordan.request, { email: JORDAN.email, password: DEMO_PASSWORD });
    await jordan.goto("/portal");
    await jordan.getByRole("link", { name: "Shared with you" }).first().click();
    await expect(jordan.getByRole("heading", { level: 1, name: "Shared with you" })).toBeVisible();
    await jordan.getByTestId("shared-entries").getByRole("link", { name: new RegExp(apology.templateVersion.title) }).click();
    await expect(jordan.getByRole("heading", { level: 1, name: apology.templateVersion.title })).toBeVisible();
    await expect(jordan.getByText("I chose to hide it.", { exact: false })).toBeVisible();

    // Sam stops sharing from the entry's own page.
    const samContext = await phone();
    const sam = await samContext.newPage();
    await signInByApi(sam.request, { email: SAM.email, password: DEMO_PASSWORD });
    await sam.goto(`/portal/entries/${apology.id}`);
    await expect(sam.getByTestId("share-state")).toContainText("Jordan can read this entry");
    await sam.getByRole("button", { name: "Stop sharing with Jordan" }).click();
    await expect(sam.getByRole("button", { name: "Share with Jordan" })).toBeVisible();
    await expect(sam.getByTestId("share-state")).toContainText("Only you and your clinician can read this entry");

    const closed = await jordan.goto(`/portal/shared/${apology.id}`);
    expect(closed?.status()).toBe(404);
    await jordan.goto("/portal/shared");
    await expect(jordan.getByText("hasn't shared an entry with you yet")).toBeVisible();

    // Shared again (the demo's state), and the clinician sees it.
    await sam.getByRole("button", { name: "Share with Jordan" }).click();
    await expect(sam.getByRole("button", { name: "Stop sharing with Jordan" })).toBeVisible();
    expect(await db.auditEvent.count({ where: { subjectId: apology.id, action: { in: ["entry.sharing_withdrawn", "entry.shared_with_partner", "entry.partner_viewed"] } } })).toBeGreaterThanOrEqual(3);

    const therapist = await browser.newPage();
    await signInByApi(therapist.request, { email: DEMO_THERAPIST.email, password: DEMO_PASSWORD });
    const samRecord = await db.client.findFirstOrThrow({ where: { email: SAM.email }, select: { id: true } });
    await therapist.goto(`/clients/${samRecord.id}`);
    await expect(therapist.getByTestId("shared-with-partner")).toContainText(apology.templateVersion.title);
    await Promise.all([jordanContext.close(), samContext.close(), therapist.close()]);
  });

  test("an entry about safety offers no sharing", async ({ page }) => {
    const aiko = client("aiko@demo.trellis.test");
    const safety = await db.submission.findFirstOrThrow({ where: { client: { email: aiko.email }, safetyConcern: true }, select: { id: true } });
    await signInByApi(page.request, { email: aiko.email, password: DEMO_PASSWORD });
    await page.goto(`/portal/entries/${safety.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    // Aiko has no linked partner, and safety entries are never shareable.
    await expect(page.getByTestId("share-entry-form")).toHaveCount(0);
  });
});
