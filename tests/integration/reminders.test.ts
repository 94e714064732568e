// Homework reminders against the real database. SMTP is never configured
// here, so every message stays in the outbox, where the tests read it.
// Other clients in the shared database may be reminded by the same runs, so
// every assertion looks at one client's own rows.
import { randomBytes, randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { archiveClient } from "@/lib/clients/archive-client";
import { addClient } from "@/lib/clients/add-client";
import type { TherapistScope } from "@/lib/clients/scope";
import { instantOf, toDbDate, type LocalDate } from "@/lib/dates/local-date";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";
import { listOutbox } from "@/lib/mail/list-outbox";
import { REMINDER_SUBJECT, runReminders } from "@/lib/reminders/run-reminders";
import { updateReminderPreference } from "@/lib/reminders/update-reminder-preference";
import { syncBuiltInTemplates } from "@/lib/templates/sync-built-ins";
import { addClientSchema } from "@/lib/validations/clients";
import { reminderPreferenceSchema } from "@/lib/validations/reminders";
import { createTherapist, PASSWORD, uniqueEmail } from "@/tests/support/integration-fixtures";

type Template = { templateId: string; templateVersionId: string; title: string };

let checkIn: Template;
let triggerLog: Template;

async function builtIn(slug: string): Promise<Template> {
  const template = await db.exerciseTemplate.findUniqueOrThrow({
    where: { slug },
    select: { id: true, title: true, versions: { orderBy: { version: "desc" }, take: 1, select: { id: true } } },
  });
  return { templateId: template.id, templateVersionId: template.versions[0]!.id, title: template.title };
}

beforeAll(async () => {
  // Idempotent (the test database is prepared with them already). The cast:
  // lib/db's extended client is the same client with a guard on top, which
  // Prisma's types do not see as a PrismaClient.
  await syncBuiltInTemplates(db as unknown as Parameters<typeof syncBuiltInTemplates>[0]);
  checkIn = await builtIn("weekly-trust-check-in");
  triggerLog = await builtIn("trigger-log");
});

afterEach(() => {
  vi.unstubAllEnvs();
});

const NOTE = `Talk about the affair and the hidden messages ${randomUUID()}`;

type ScheduleInput = {
  scheduleType: "ONCE" | "DAILY" | "WEEKLY" | "DAILY_FOR_N_DAYS";
  startDate: LocalDate;
  dueDate?: LocalDate;
  endDate?: LocalDate;
  weekdays?: number[];
  dayCount?: number;
};

/** An active client with a reminder time, through the app's own functions. */
async function remindedClient(options: { timeZone: string; reminderTime: string | null }) {
  const therapist = await createTherapist();
  const input = addClientSchema.parse({ displayName: "Robin Reminder", email: uniqueEmail("reminded"), timeZone: options.timeZone });
  const { client, invitation } = await addClient(therapist.scope, input);
  const user = await acceptInvitation({ token: invitation.token, password: PASSWORD });
  const caller = { clientId: client.id, userId: user.id };
  await updateReminderPreference(caller, { reminderTime: options.reminderTime });
  return { scope: therapist.scope, clientId: client.id, email: user.email, caller };
}

async function assign(
  scope: TherapistScope,
  clientId: string,
  schedule: ScheduleInput,
  options: { template?: Template; status?: "ACTIVE" | "PAUSED" | "ENDED" } = {},
) {
  const template = options.template ?? checkIn;
  return db.assignment.create({
    data: {
      practiceId: scope.practiceId,
      therapistId: scope.therapistId,
      clientId,
      templateId: template.templateId,
      templateVersionId: template.templateVersionId,
      note: NOTE,
      scheduleType: schedule.scheduleType,
      startDate: toDbDate(schedule.startDate),
      dueDate: schedule.dueDate ? toDbDate(schedule.dueDate) : null,
      endDate: schedule.endDate ? toDbDate(schedule.endDate) : null,
      weekdays: schedule.weekdays ?? [],
      dayCount: schedule.dayCount ?? null,
      status: options.status ?? "ACTIVE",
    },
    select: { id: true, templateVersionId: true },
  });
}

const daily = (startDate: LocalDate): ScheduleInput => ({ scheduleType: "DAILY", startDate });

async function remindersTo(email: string) {
  return db.outboxMessage.findMany({ where: { toAddress: email, kind: "homework-reminder" }, orderBy: { createdAt: "asc" } });
}

async function deliveryDates(clientId: string) {
  const rows = await db.reminderDelivery.findMany({ where: { clientId }, orderBy: { localDate: "asc" } });
  return rows.map((row) => row.localDate.toISOString().slice(0, 10));
}

describe("runReminders", () => {
  it("puts exactly one reminder in the outbox for a client with homework due", async () => {
    const client = await remindedClient({ timeZone: "Europe/London", reminderTime: "18:30" });
    await assign(client.scope, client.clientId, daily("2026-05-01"));

    await runReminders({ now: instantOf("2026-05-12", "18:45", "Europe/London") });

    const messages = await remindersTo(client.email);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ practiceId: client.scope.practiceId, subject: REMINDER_SUBJECT, sentAt: null, error: null });
    expect(messages[0]!.body).toContain("homework waiting");
    expect(messages[0]!.body).toContain("/portal");
    expect(await deliveryDates(client.clientId)).toEqual(["2026-05-12"]);
  });

  it("never sends twice on one local day, run after run or runs at the same time", async () => {
    const client = await remindedClient({ timeZone: "Europe/Paris", reminderTime: "07:00" });
    await assign(client.scope, client.clientId, daily("2026-05-01"));
    const morning = instantOf("2026-05-13", "07:05", "Europe/Paris");

    await Promise.all([runReminders({ now: morning }), runReminders({ now: morning }), runReminders({ now: morning })]);
    await runReminders({ now: morning });
    await runReminders({ now: instantOf("2026-05-13", "23:59", "Europe/Paris") });

    expect(await remindersTo(client.email)).toHaveLength(1);
    // The next day is a new day.
    await runReminders({ now: instantOf("2026-05-14", "07:00", "Europe/Paris") });
    expect(await deliveryDates(client.clientId)).toEqual(["2026-05-13", "2026-05-14"]);
    expect(await remindersTo(client.email)).toHaveLength(2);
  });

  it("waits for the client's chosen local time", async () => {
    const client = await remindedClient({ timeZone: "Europe/London", reminderTime: "18:30" });
    await assign(client.scope, client.clientId, daily("2026-05-01"));

    await runReminders({ now: instantOf("2026-05-20", "18:29", "Europe/London") });
    expect(await remindersTo(client.email)).toHaveLength(0);

    await runReminders({ now: instantOf("2026-05-20", "18:30", "Europe/London") });
    expect(await remindersTo(client.email)).toHaveLength(1);
  });

  it("sends nothing when nothing is due that day", async () => {
    const client = await remindedClient({ timeZone: "Europe/London", reminderTime: "08:00" });
    // 2026-05-21 is a Thursday; this is due on Mondays only, and a one-off is due tomorrow.
    await assign(client.scope, client.clientId, { scheduleType: "WEEKLY", startDate: "2026-05-01", weekdays: [1] });
    await assign(client.scope, client.clientId, { scheduleType: "ONCE", startDate: "2026-05-01", dueDate: "2026-05-22" });
    // Finished yesterday.
    await assign(client.scope, client.clientId, { scheduleType: "DAILY_FOR_N_DAYS", startDate: "2026-05-11", dayCount: 10 });

    await runReminders({ now: instantOf("2026-05-21", "09:00", "Europe/London") });

    expect(await remindersTo(client.email)).toHaveLength(0);
    expect(await deliveryDates(client.clientId)).toEqual([]);
  });

  it("sends nothing for logs, paused or ended assignments", async () => {
    const client = await remindedClient({ timeZone: "Europe/London", reminderTime: "08:00" });
    await assign(client.scope, client.clientId, daily("2026-05-01"), { template: triggerLog });
    await assign(client.scope, client.clientId, daily("2026-05-01"), { status: "PAUSED" });
    await assign(client.scope, client.clientId, daily("2026-05-01"), { status: "ENDED" });

    await runReminders({ now: instantOf("2026-05-21", "09:00", "Europe/London") });

    expect(await remindersTo(client.email)).toHaveLength(0);
  });

  it("sends nothing when today's item is already submitted, but still does for a draft", async () => {
    const submitted = await remindedClient({ timeZone: "Europe/London", reminderTime: "08:00" });
    const drafted = await remindedClient({ timeZone: "Europe/London", reminderTime: "08:00" });
    for (const [client, status] of [
      [submitted, "SUBMITTED"],
      [drafted, "DRAFT"],
    ] as const) {
      const assignment = await assign(client.scope, client.clientId, daily("2026-05-01"));
      await db.submission.create({
        data: {
          practiceId: client.scope.practiceId,
          clientId: client.clientId,
          assignmentId: assignment.id,
          templateVersionId: assignment.templateVersionId,
          dueOn: toDbDate("2026-05-22"),
          entryKey: "2026-05-22",
          status,
          submittedAt: status === "SUBMITTED" ? new Date() : null,
        },
      });
    }

    await runReminders({ now: instantOf("2026-05-22", "08:30", "Europe/London") });

    expect(await remindersTo(submitted.email)).toHaveLength(0);
    expect(await remindersTo(drafted.email)).toHaveLength(1);
  });

  it("sends nothing to an archived client", async () => {
    const client = await remindedClient({ timeZone: "Europe/London", reminderTime: "08:00" });
    await assign(client.scope, client.clientId, daily("2026-05-01"));
    await archiveClient(client.scope, client.clientId);

    await runReminders({ now: instantOf("2026-05-23", "09:00", "Europe/London") });

    expect(await remindersTo(client.email)).toHaveLength(0);
  });

  it("sends nothing once reminders are switched off", async () => {
    const client = await remindedClient({ timeZone: "Europe/London", reminderTime: "08:00" });
    await assign(client.scope, client.clientId, daily("2026-05-01"));
    await updateReminderPreference(client.caller, { reminderTime: null });

    await runReminders({ now: instantOf("2026-05-24", "09:00", "Europe/London") });

    expect(await remindersTo(client.email)).toHaveLength(0);
  });

  it("judges each client by their own calendar and clock at the same instant", async () => {
    // 2026-06-15 23:30 UTC is 08:30 on 16 June in Tokyo and 19:30 on 15 June in New York.
    const now = new Date("2026-06-15T23:30:00Z");
    const tokyo = await remindedClient({ timeZone: "Asia/Tokyo", reminderTime: "08:00" });
    await assign(tokyo.scope, tokyo.clientId, { scheduleType: "ONCE", startDate: "2026-06-01", dueDate: "2026-06-16" });
    const newYork = await remindedClient({ timeZone: "America/New_York", reminderTime: "19:00" });
    await assign(newYork.scope, newYork.clientId, { scheduleType: "ONCE", startDate: "2026-06-01", dueDate: "2026-06-15" });
    // Due on the UTC date / the other zone's date, which is not their own today.
    const tokyoYesterday = await remindedClient({ timeZone: "Asia/Tokyo", reminderTime: "08:00" });
    await assign(tokyoYesterday.scope, tokyoYesterday.clientId, { scheduleType: "ONCE", startDate: "2026-06-01", dueDate: "2026-06-15" });
    const newYorkTomorrow = await remindedClient({ timeZone: "America/New_York", reminderTime: "19:00" });
    await assign(newYorkTomorrow.scope, newYorkTomorrow.clientId, { scheduleType: "ONCE", startDate: "2026-06-01", dueDate: "2026-06-16" });
    // Due today, but 20:00 has not come yet in New York.
    const newYorkLater = await remindedClient({ timeZone: "America/New_York", reminderTime: "20:00" });
    await assign(newYorkLater.scope, newYorkLater.clientId, { scheduleType: "ONCE", startDate: "2026-06-01", dueDate: "2026-06-15" });

    await runReminders({ now });

    expect(await deliveryDates(tokyo.clientId)).toEqual(["2026-06-16"]);
    expect(await deliveryDates(newYork.clientId)).toEqual(["2026-06-15"]);
    expect(await remindersTo(tokyo.email)).toHaveLength(1);
    expect(await remindersTo(newYork.email)).toHaveLength(1);
    expect(await remindersTo(tokyoYesterday.email)).toHaveLength(0);
    expect(await remindersTo(newYorkTomorrow.email)).toHaveLength(0);
    expect(await remindersTo(newYorkLater.email)).toHaveLength(0);
  });

  it("sends once at the right local time when clocks go forward", async () => {
    // New York, 2026-03-08: 02:00 EST jumps to 03:00 EDT.
    const evening = await remindedClient({ timeZone: "America/New_York", reminderTime: "18:30" });
    await assign(evening.scope, evening.clientId, daily("2026-03-01"));
    const atTime = instantOf("2026-03-08", "18:30", "America/New_York");
    expect(atTime.toISOString()).toBe("2026-03-08T22:30:00.000Z");

    await runReminders({ now: new Date(atTime.getTime() - 60_000) });
    expect(await remindersTo(evening.email)).toHaveLength(0);
    await runReminders({ now: atTime });
    await runReminders({ now: new Date(atTime.getTime() + 60 * 60_000) });
    expect(await deliveryDates(evening.clientId)).toEqual(["2026-03-08"]);
    expect(await remindersTo(evening.email)).toHaveLength(1);

    // 02:30 does not exist that night: the reminder comes at 03:00, the first minute after it.
    const skipped = await remindedClient({ timeZone: "America/New_York", reminderTime: "02:30" });
    await assign(skipped.scope, skipped.clientId, daily("2026-03-01"));
    await runReminders({ now: new Date("2026-03-08T06:59:00Z") }); // 01:59 EST
    expect(await remindersTo(skipped.email)).toHaveLength(0);
    await runReminders({ now: new Date("2026-03-08T07:00:00Z") }); // 03:00 EDT
    await runReminders({ now: new Date("2026-03-08T08:00:00Z") });
    expect(await deliveryDates(skipped.clientId)).toEqual(["2026-03-08"]);
    expect(await remindersTo(skipped.email)).toHaveLength(1);
  });

  it("sends once when clocks go back and the hour repeats", async () => {
    // New York, 2026-11-01: 01:00–01:59 happens twice (EDT, then EST).
    const client = await remindedClient({ timeZone: "America/New_York", reminderTime: "01:30" });
    await assign(client.scope, client.clientId, daily("2026-10-01"));

    await runReminders({ now: new Date("2026-11-01T05:29:00Z") }); // 01:29 EDT
    expect(await remindersTo(client.email)).toHaveLength(0);
    await runReminders({ now: new Date("2026-11-01T05:30:00Z") }); // 01:30 EDT
    await runReminders({ now: new Date("2026-11-01T06:30:00Z") }); // 01:30 EST, the same wall time again
    expect(await deliveryDates(client.clientId)).toEqual(["2026-11-01"]);
    expect(await remindersTo(client.email)).toHaveLength(1);

    const evening = await remindedClient({ timeZone: "America/New_York", reminderTime: "18:30" });
    await assign(evening.scope, evening.clientId, daily("2026-10-01"));
    const atTime = instantOf("2026-11-01", "18:30", "America/New_York");
    expect(atTime.toISOString()).toBe("2026-11-01T23:30:00.000Z");
    await runReminders({ now: new Date(atTime.getTime() - 60_000) });
    expect(await remindersTo(evening.email)).toHaveLength(0);
    await runReminders({ now: atTime });
    expect(await remindersTo(evening.email)).toHaveLength(1);
  });

  it("never says what the homework is about", async () => {
    const client = await remindedClient({ timeZone: "Europe/London", reminderTime: "08:00" });
    await assign(client.scope, client.clientId, daily("2026-05-01"));
    const practice = await db.practice.findUniqueOrThrow({ where: { id: client.scope.practiceId } });

    await runReminders({ now: instantOf("2026-05-25", "08:00", "Europe/London") });

    const [message] = await remindersTo(client.email);
    expect(message).toBeDefined();
    const text = `${message!.subject}\n${message!.body}`.toLowerCase();
    for (const secret of [checkIn.title, NOTE, "affair", "trust", "Robin Reminder", "Dr Test Therapist", practice.name]) {
      expect(text).not.toContain(secret.toLowerCase());
    }
  });
});

describe("reminder preference", () => {
  it("accepts HH:MM from 00:00 to 23:59 when on, and anything when off", () => {
    expect(reminderPreferenceSchema.parse({ enabled: "on", reminderTime: "00:00" })).toEqual({ reminderTime: "00:00" });
    expect(reminderPreferenceSchema.parse({ enabled: "on", reminderTime: "23:59" })).toEqual({ reminderTime: "23:59" });
    expect(reminderPreferenceSchema.parse({ reminderTime: "nonsense" })).toEqual({ reminderTime: null });
    for (const reminderTime of ["24:00", "7:30", "18:60", "", "18:30:00"]) {
      const result = reminderPreferenceSchema.safeParse({ enabled: "on", reminderTime });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]).toMatchObject({ path: ["reminderTime"], message: "Choose a time like 18:30." });
    }
  });

  it("changes only the caller's own setting", async () => {
    const mine = await remindedClient({ timeZone: "Europe/London", reminderTime: null });
    const theirs = await remindedClient({ timeZone: "Europe/London", reminderTime: "08:00" });

    // My user id with their client id is refused, and their setting is untouched.
    await expect(
      updateReminderPreference({ clientId: theirs.clientId, userId: mine.caller.userId }, { reminderTime: null }),
    ).rejects.toBeInstanceOf(AppError);
    const stored = await db.client.findUniqueOrThrow({ where: { id: theirs.clientId }, select: { reminderTime: true } });
    expect(stored.reminderTime).toBe("08:00");

    await updateReminderPreference(mine.caller, { reminderTime: "21:15" });
    const own = await db.client.findUniqueOrThrow({ where: { id: mine.clientId }, select: { reminderTime: true } });
    expect(own.reminderTime).toBe("21:15");
  });
});

describe("listOutbox", () => {
  it("shows a practice only its own messages, newest first", async () => {
    const client = await remindedClient({ timeZone: "Europe/London", reminderTime: "08:00" });
    await assign(client.scope, client.clientId, daily("2026-05-01"));
    await runReminders({ now: instantOf("2026-05-26", "08:00", "Europe/London") });
    await runReminders({ now: instantOf("2026-05-27", "08:00", "Europe/London") });
    const other = await createTherapist();

    // The invitation e-mail from adding the client is in the outbox too.
    const own = (await listOutbox({ practiceId: client.scope.practiceId })).filter((message) => message.kind === "homework-reminder");
    expect(own.map((message) => message.toAddress)).toEqual([client.email, client.email]);
    expect(own[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(own[1]!.createdAt.getTime());
    expect(await listOutbox({ practiceId: other.scope.practiceId })).toEqual([]);
  });
});

describe("POST /api/jobs/reminders", () => {
  async function loadRoute(secret: string) {
    vi.stubEnv("JOBS_SECRET", secret);
    // lib/env caches what it parsed; a fresh module graph reads the stubbed value.
    vi.resetModules();
    return import("@/app/api/jobs/reminders/route");
  }

  const call = (POST: (request: Request) => Promise<Response>, authorization?: string) =>
    POST(
      new Request("http://localhost/api/jobs/reminders", {
        method: "POST",
        headers: authorization ? { authorization } : {},
      }),
    );

  it("does not exist without JOBS_SECRET", async () => {
    const { POST } = await loadRoute("");
    const response = await call(POST, "Bearer anything");
    expect(response.status).toBe(404);
  });

  it("refuses a missing or wrong token", async () => {
    const secret = randomBytes(32).toString("base64url");
    const { POST } = await loadRoute(secret);
    expect((await call(POST)).status).toBe(401);
    expect((await call(POST, `Bearer ${secret.slice(0, -1)}x`)).status).toBe(401);
    expect((await call(POST, `Bearer ${secret}${secret}`)).status).toBe(401);
    expect((await call(POST, secret)).status).toBe(401);
  });

  it("runs the job and returns the counts with the right token", async () => {
    const secret = randomBytes(32).toString("base64url");
    const { POST } = await loadRoute(secret);
    const response = await call(POST, `Bearer ${secret}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      considered: expect.any(Number),
      sent: expect.any(Number),
      skipped: expect.any(Number),
    });
  });
});
