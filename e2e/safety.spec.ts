import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { acknowledgeSafetyFlag } from "@/lib/safety/acknowledge-flag";
import { signInByApi } from "./support/auth";
import { createActiveClient, createTherapist } from "./support/factories";
import { assignDueToday, builtInTemplateId, expect, test, TIME_ZONE } from "./support/homework-fixtures";
import { choose, expectSaved } from "./support/homework-portal";

// Every test here also fails if any response had a 5xx status (see the serverErrors fixture).

const TITLE = "Is this relationship safe for me?";
const AFRAID = "Do you feel afraid of, or unsafe with, your partner?";

test("answering that they feel afraid shows crisis resources at once and flags the client until the therapist acknowledges it", async ({
  page,
  newPhonePage,
}) => {
  const therapist = await createTherapist({ timeZone: TIME_ZONE });
  const client = await createActiveClient(therapist, { timeZone: TIME_ZONE });
  const { assignmentId, entryKey, url } = await assignDueToday(therapist, client, await builtInTemplateId("relationship-safety-check"));
  const acknowledgement = "Called the client the same afternoon; safety plan agreed and shelter number shared.";

  const phone = await newPhonePage();
  await signInByApi(phone.request, client);
  let submissionId = "";

  await test.step("the crisis panel appears the moment “Partly” or “Yes” is chosen, before anything is submitted", async () => {
    await phone.goto(url);
    await expect(phone.getByRole("heading", { level: 1 })).toHaveText(TITLE);
    const crisis = phone.getByTestId("crisis-resources");
    await expect(crisis).toHaveCount(0);

    await choose(phone, "Is your partner consistent, and do they take responsibility when they get things wrong?", "Partly");
    await choose(phone, "Looking at the last few weeks and months, do you feel emotionally safe with your partner?", "No");
    await choose(phone, "Overall, is this relationship helping you grow, or keeping you anxious?", "Mostly keeping me anxious");
    await expect(crisis, "other “No” answers are not a safety concern").toHaveCount(0);

    await choose(phone, AFRAID, "Partly");
    await expect(crisis).toBeVisible();
    await expect(crisis).toHaveRole("alert");
    await expect(crisis.getByRole("heading", { name: "Your safety comes first" })).toBeVisible();
    await expect(crisis).toContainText("call your local emergency number");
    expect(
      await db.submission.count({ where: { assignmentId, status: "SUBMITTED" } }),
      "shown before (and without) submitting",
    ).toBe(0);

    // The numbers stay for the rest of the entry, whatever the answer becomes.
    await choose(phone, AFRAID, "No");
    await expect(crisis).toBeVisible();
    await choose(phone, AFRAID, "Yes");
    await expect(crisis).toBeVisible();
    await expectSaved(phone);
  });

  await test.step("after submitting, the read-only view keeps the resources on screen", async () => {
    await phone.getByRole("button", { name: "Submit" }).click();
    await expect(phone).toHaveURL(/\/portal\/entries\/[^/?]+\?submitted=1$/);
    submissionId = new URL(phone.url()).pathname.split("/").pop() ?? "";
    await expect(phone.getByTestId("crisis-resources")).toBeVisible();

    const submission = await db.submission.findUniqueOrThrow({
      where: { assignmentId_entryKey: { assignmentId, entryKey } },
      select: { id: true, status: true, safetyConcern: true, answers: true },
    });
    expect(submission).toMatchObject({ id: submissionId, status: "SUBMITTED", safetyConcern: true });
    expect((submission.answers as Record<string, unknown>)["afraid_or_unsafe"]).toBe("yes");
    const flags = await db.safetyFlag.findMany({
      where: { clientId: client.id },
      select: { submissionId: true, fieldKeys: true, acknowledgedAt: true },
    });
    expect(flags, "one open flag for the entry, however often the draft was saved").toEqual([
      { submissionId, fieldKeys: ["afraid_or_unsafe"], acknowledgedAt: null },
    ]);
  });

  await signInByApi(page.request, therapist);

  await test.step("the therapist sees the flag on the client's page and in Review", async () => {
    await page.goto(`/clients/${client.id}`);
    const onClientPage = page.getByTestId("safety-flags");
    await expect(onClientPage).toBeVisible();
    await expect(onClientPage.getByRole("heading", { name: "Safety flag to acknowledge" })).toBeVisible();
    await expect(onClientPage).toContainText(`${client.displayName} answered a safety question as unsafe`);
    await expect(onClientPage.getByRole("link", { name: "Open the entry" })).toHaveAttribute("href", `/review/${submissionId}`);

    await page.goto("/review");
    const flags = page.getByTestId("safety-flags");
    await expect(flags).toBeVisible();
    await expect(flags.getByRole("listitem")).toHaveCount(1);
    await expect(flags).toContainText(`${client.displayName} answered a safety question as unsafe`);
    const row = page.getByTestId("inbox-row").filter({ hasText: client.displayName });
    await expect(row).toContainText(TITLE);
    await expect(row).toContainText("Safety");

    await flags.getByRole("link", { name: "Open the entry" }).click();
    await expect(page).toHaveURL(`/review/${submissionId}`);
    await expect(page.getByRole("alert").filter({ hasText: "A safety question in this entry was answered as unsafe." })).toBeVisible();
  });

  await test.step("acknowledging it with a note closes the flag and records who, when and what", async () => {
    await page.goto("/review");
    const flags = page.getByTestId("safety-flags");
    const before = new Date();
    await flags.getByLabel("What you did (optional)").fill(acknowledgement);
    await flags.getByRole("button", { name: "Acknowledge" }).click();
    await expect(page.getByTestId("safety-flags")).toHaveCount(0);

    await expect
      .poll(() => db.safetyFlag.findMany({ where: { clientId: client.id }, select: { acknowledgedById: true, note: true } }))
      .toEqual([{ acknowledgedById: therapist.id, note: acknowledgement }]);
    const flag = await db.safetyFlag.findFirstOrThrow({ where: { clientId: client.id }, select: { acknowledgedAt: true } });
    expect(flag.acknowledgedAt).not.toBeNull();
    expect(flag.acknowledgedAt?.getTime()).toBeGreaterThanOrEqual(before.getTime() - 60_000);

    await page.reload();
    await expect(page.getByTestId("safety-flags")).toHaveCount(0);
    await page.goto(`/clients/${client.id}`);
    await expect(page.getByRole("heading", { level: 1, name: client.displayName })).toBeVisible();
    await expect(page.getByTestId("safety-flags")).toHaveCount(0);
  });
});

test("another therapist does not see the flag and cannot acknowledge it", async ({ page, newPhonePage }) => {
  const therapist = await createTherapist({ timeZone: TIME_ZONE });
  const client = await createActiveClient(therapist, { timeZone: TIME_ZONE });
  const { url } = await assignDueToday(therapist, client, await builtInTemplateId("relationship-safety-check"));
  const phone = await newPhonePage();
  await signInByApi(phone.request, client);
  await phone.goto(url);
  await choose(phone, AFRAID, "Yes");
  await expect(phone.getByTestId("crisis-resources")).toBeVisible();
  // A saved draft that says "unsafe" raises the flag even before submitting.
  await expectSaved(phone);
  await expect.poll(() => db.safetyFlag.count({ where: { clientId: client.id, acknowledgedAt: null } })).toBe(1);

  const other = await createTherapist();
  await signInByApi(page.request, other);
  await page.goto("/review");
  await expect(page.getByRole("heading", { level: 1, name: "Review" })).toBeVisible();
  await expect(page.getByTestId("safety-flags")).toHaveCount(0);
  await expect(page.getByText(client.displayName)).toHaveCount(0);

  // Even with the flag's id in hand, the other therapist's acknowledgement is refused as "not found".
  const flag = await db.safetyFlag.findFirstOrThrow({ where: { clientId: client.id }, select: { id: true } });
  const refused = await acknowledgeSafetyFlag({ therapistId: other.id, practiceId: other.practiceId }, { flagId: flag.id, note: "not mine" }).then(
    () => null,
    (error: unknown) => error,
  );
  expect(refused).toBeInstanceOf(AppError);
  expect((refused as AppError).kind).toBe("not_found");
  expect(await db.safetyFlag.findUniqueOrThrow({ where: { id: flag.id }, select: { acknowledgedAt: true, note: true } })).toEqual({
    acknowledgedAt: null,
    note: null,
  });
});
