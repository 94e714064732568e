import { db } from "@/lib/db";
import { mailArrived } from "@/tests/support/e2e-smtp-sink";
import { signInByApi } from "./support/auth";
import { createTherapist, uniqueEmail } from "./support/factories";
import { expect, test } from "./support/fixtures";

// The app server sends to a real SMTP server started for the e2e run
// (playwright.config.ts, tests/support/e2e-smtp-sink.ts).
test("adding a client e-mails the invitation, and the link in the e-mail lets them join", async ({ page, newPage }) => {
  const therapist = await createTherapist();
  const email = uniqueEmail("mailed");
  await signInByApi(page.request, therapist);
  await page.goto("/clients");

  const form = page.getByRole("form", { name: "Add a client" });
  await form.getByLabel("Name", { exact: true }).fill("Rowan Mailed");
  await form.getByLabel("Email").fill(email);
  await form.getByRole("button", { name: "Add client and create link" }).click();

  // The therapist still sees the link to copy, as before.
  const shown = await page.getByTestId("invitation-link").inputValue();
  expect(shown).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);

  const mail = await mailArrived(email);
  expect(mail.subject).toBe("Your invitation to Trellis");
  expect(mail.text).toContain(shown);
  expect(mail.html).toContain(`<a href="${shown}">`);
  expect(`${mail.subject}\n${mail.text}\n${mail.html}`).not.toContain("Rowan");
  await expect
    .poll(async () => (await db.outboxMessage.findFirst({ where: { toAddress: email }, select: { status: true } }))?.status)
    .toBe("SENT");

  // The client opens the link from their inbox.
  const client = await newPage();
  const link = /https?:\/\/\S+\/invite\/[A-Za-z0-9_-]{43}/.exec(mail.text)![0];
  await client.goto(link);
  await expect(client.getByRole("heading", { name: "Welcome, Rowan Mailed" })).toBeVisible();
  await client.getByLabel("Choose a password").fill("a long and private passphrase");
  await client.getByLabel("Type it again").fill("a long and private passphrase");
  await client.getByRole("button", { name: "Join and continue" }).click();
  await expect(client.getByTestId("check-email")).toBeVisible();
  // Which sends the confirmation over SMTP too.
  const confirmation = await mailArrived(email, (received) => received.text.includes("/confirm/"));
  expect(confirmation.subject).toBe("Confirm your e-mail address for Trellis");

  // The outbox shows the invitation as sent, without its link.
  await page.goto("/outbox");
  const row = page.getByTestId("outbox-row").filter({ hasText: email }).filter({ hasText: "Your invitation to Trellis" });
  await expect(row.getByTestId("outbox-status")).toHaveText(/^Sent /);
  await expect(row).not.toContainText("/invite/");
});
