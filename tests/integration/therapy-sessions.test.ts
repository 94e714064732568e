// Sessions: recurrence across a daylight-saving change, who may read and
// write a client's sessions (a colleague's client is not found, a supervisor
// reads without the note), the figures of "Before the session" on a seeded
// span, the session note's privacy, the caseload's "session today /
// tomorrow" and the .ics export read back by a real iCalendar parser.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import type { TherapistIdentity } from "@/lib/auth/session";
import { loadNextSessions } from "@/lib/caseload/load-next-sessions";
import type { TherapistScope } from "@/lib/clients/scope";
import { instantOf } from "@/lib/dates/local-date";
import { db } from "@/lib/db";
import { buildFhirBundle } from "@/lib/exports/fhir";
import { measurementsCsv, submissionsCsv } from "@/lib/exports/client-csv";
import { loadClientRecord } from "@/lib/exports/load-client-record";
import { clientReadScope } from "@/lib/practice/access";
import { addSessions } from "@/lib/therapy-sessions/add-sessions";
import { clientSessionsCalendar, clinicianSessionsCalendar } from "@/lib/therapy-sessions/calendar";
import { cancelSession } from "@/lib/therapy-sessions/cancel-session";
import { getSessionPrep } from "@/lib/therapy-sessions/get-session-prep";
import { listClientSessions } from "@/lib/therapy-sessions/list-sessions";
import { getNextSessionForClient } from "@/lib/therapy-sessions/next-session-for-client";
import { addSessionSchema, sessionNoteSchema } from "@/lib/therapy-sessions/schemas";
import { saveSessionNote } from "@/lib/therapy-sessions/session-note";
import { assignBuiltIn, createClientIn, rejection } from "@/tests/support/homework-fixtures";
import { createTherapist, uniqueEmail } from "@/tests/support/integration-fixtures";

const LONDON = "Europe/London";
const NOTE_MARKER = "SESSION-NOTE-MARKER-4c1d";

let owner: { scope: TherapistScope; identity: TherapistIdentity };
let colleague: { scope: TherapistScope; identity: TherapistIdentity };
let supervisor: { scope: TherapistScope; identity: TherapistIdentity };

function identityOf(user: { id: string; practiceId: string; name: string; email: string; timeZone: string; practiceRole: "OWNER" | "CLINICIAN" | "SUPERVISOR" }): TherapistIdentity {
  return { role: "THERAPIST", practiceRole: user.practiceRole, userId: user.id, sessionId: "test", practiceId: user.practiceId, name: user.name, email: user.email, timeZone: user.timeZone };
}

async function member(practiceId: string, practiceRole: "CLINICIAN" | "SUPERVISOR") {
  const user = await db.user.create({
    data: { email: uniqueEmail(practiceRole.toLowerCase()), passwordHash: "x", role: "THERAPIST", practiceRole, name: `A ${practiceRole}`, timeZone: LONDON, practiceId },
  });
  return { scope: { therapistId: user.id, practiceId }, identity: identityOf({ ...user, practiceRole }) };
}

beforeAll(async () => {
  const created = await createTherapist();
  owner = { scope: created.scope, identity: identityOf({ ...created.user, practiceRole: "OWNER", email: created.email, name: "Owner", timeZone: LONDON, practiceId: created.scope.practiceId }) };
  colleague = await member(owner.scope.practiceId, "CLINICIAN");
  supervisor = await member(owner.scope.practiceId, "SUPERVISOR");
  // The supervisor supervises the colleague (whose clients they read), not the owner.
  await db.supervision.create({ data: { practiceId: owner.scope.practiceId, supervisorId: supervisor.identity.userId, clinicianId: colleague.identity.userId } });
});

const input = (clientId: string, overrides: Record<string, unknown> = {}) =>
  addSessionSchema.parse({ clientId, date: "2026-10-20", time: "15:00", durationMinutes: "50", recurrence: "NONE", ...overrides });

const localTime = (instant: Date, zone: string) =>
  new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);

describe("recording sessions", () => {
  it("keeps a weekly series at 3 pm local across the end of summer time, one row per occurrence for 12 weeks", async () => {
    const client = await createClientIn(owner.scope, "Asia/Tokyo");
    const now = instantOf("2026-10-19", "09:00", LONDON);
    const { count, seriesId } = await addSessions(owner.scope, input(client.clientId, { recurrence: "WEEKLY" }), now);
    expect(count).toBe(12);
    const rows = await db.therapySession.findMany({ where: { clientId: client.clientId }, orderBy: { startsAt: "asc" } });
    expect(rows.map((row) => row.seriesId)).toEqual(Array(12).fill(seriesId));
    expect(rows.every((row) => localTime(row.startsAt, LONDON) === "15:00")).toBe(true);
    // 20 October is British Summer Time (UTC+1), 27 October is not (UTC+0): the instants are 7 days + 1 hour apart.
    expect(rows[0]!.startsAt.toISOString()).toBe("2026-10-20T14:00:00.000Z");
    expect(rows[1]!.startsAt.toISOString()).toBe("2026-10-27T15:00:00.000Z");
  });

  it("makes a fortnightly series of 6 and cancels one occurrence or the rest of the series", async () => {
    const client = await createClientIn(owner.scope, LONDON);
    const now = instantOf("2026-10-19", "09:00", LONDON);
    expect((await addSessions(owner.scope, input(client.clientId, { recurrence: "FORTNIGHTLY" }), now)).count).toBe(6);
    const rows = await db.therapySession.findMany({ where: { clientId: client.clientId }, orderBy: { startsAt: "asc" } });
    expect(rows[1]!.startsAt.toISOString()).toBe("2026-11-03T15:00:00.000Z");

    expect((await cancelSession(owner.scope, { sessionId: rows[1]!.id, which: "one" }, now)).cancelled).toBe(1);
    expect((await cancelSession(owner.scope, { sessionId: rows[3]!.id, which: "rest" }, now)).cancelled).toBe(3);
    const after = await db.therapySession.findMany({ where: { clientId: client.clientId }, orderBy: { startsAt: "asc" } });
    expect(after.map((row) => row.cancelledAt !== null)).toEqual([false, true, false, true, true, true]);
    expect((await rejection(cancelSession(owner.scope, { sessionId: rows[1]!.id, which: "one" }, now))).kind).toBe("invalid");
  });

  it("validates with field messages: bad time, duration and dates; past sessions may be recorded once, not as a series", async () => {
    const bad = addSessionSchema.safeParse({ clientId: "x", date: "2026-02-30", time: "25:00", durationMinutes: "4", recurrence: "DAILY" });
    expect(bad.success).toBe(false);
    const fields = new Set(bad.error!.issues.map((issue) => issue.path[0]));
    expect(fields).toEqual(new Set(["date", "time", "durationMinutes", "recurrence"]));
    expect(addSessionSchema.safeParse({ clientId: "x", date: "2026-01-01", time: "10:00", durationMinutes: "481", recurrence: "NONE" }).success).toBe(false);

    const client = await createClientIn(owner.scope, LONDON);
    const now = instantOf("2026-10-19", "09:00", LONDON);
    expect((await addSessions(owner.scope, input(client.clientId, { date: "2026-10-12" }), now)).count).toBe(1);
    const series = await rejection(addSessions(owner.scope, input(client.clientId, { date: "2026-10-12", recurrence: "WEEKLY" }), now));
    expect(series.fieldErrors.date?.[0]).toMatch(/starts today or later/);
    expect((await rejection(addSessions(owner.scope, input(client.clientId, { date: "2025-10-01" }), now))).fieldErrors.date).toBeDefined();
    expect((await rejection(addSessions(owner.scope, input(client.clientId, { date: "2027-12-01" }), now))).fieldErrors.date).toBeDefined();
  });
});

describe("who may read and write", () => {
  it("gives a colleague not found for another clinician's client, and the supervisor a read-only view without the note", async () => {
    const client = await createClientIn(colleague.scope, LONDON);
    const now = instantOf("2026-10-21", "09:00", LONDON);
    await addSessions(colleague.scope, input(client.clientId), instantOf("2026-10-19", "09:00", LONDON));
    const session = await db.therapySession.findFirstOrThrow({ where: { clientId: client.clientId } });
    await saveSessionNote(colleague.scope, sessionNoteSchema.parse({ sessionId: session.id, body: NOTE_MARKER }), now);

    // The owner is another clinician for writes: their own scope does not find the client.
    for (const other of [owner, supervisor]) {
      expect((await rejection(addSessions(other.scope, input(client.clientId), now))).kind).toBe("not_found");
      expect((await rejection(cancelSession(other.scope, { sessionId: session.id, which: "one" }, now))).kind).toBe("not_found");
      expect((await rejection(saveSessionNote(other.scope, { sessionId: session.id, body: "x" }, now))).kind).toBe("not_found");
      expect((await rejection(getSessionPrep(other.scope, client.clientId, session.id, now))).kind).toBe("not_found");
    }

    // A second clinician of the practice, who neither treats nor supervises: cannot even read.
    const stranger = await member(owner.scope.practiceId, "CLINICIAN");
    expect((await rejection(clientReadScope(stranger.identity, client.clientId))).kind).toBe("not_found");

    const readScope = await clientReadScope(supervisor.identity, client.clientId);
    expect(readScope.readOnly).toBe(true);
    const prep = await getSessionPrep(readScope, client.clientId, session.id, now);
    expect(prep.session.id).toBe(session.id);
    expect(prep.note).toBeNull();
    expect(JSON.stringify(prep)).not.toContain(NOTE_MARKER);
    expect((await listClientSessions(readScope, client.clientId, now)).past).toHaveLength(1);

    const own = await getSessionPrep(await clientReadScope(colleague.identity, client.clientId), client.clientId, session.id, now);
    expect(own.note?.body).toBe(NOTE_MARKER);
  });

  it("refuses a note before the session has started", async () => {
    const client = await createClientIn(owner.scope, LONDON);
    const now = instantOf("2026-10-19", "09:00", LONDON);
    await addSessions(owner.scope, input(client.clientId), now);
    const session = await db.therapySession.findFirstOrThrow({ where: { clientId: client.clientId } });
    expect((await rejection(saveSessionNote(owner.scope, { sessionId: session.id, body: "early" }, now))).fieldErrors.body).toBeDefined();
  });
});

describe("Before the session", () => {
  it("sums the span since the previous session: entries unreviewed first, check-in change, triggers, promises, flags, adherence, replies", async () => {
    const client = await createClientIn(owner.scope, LONDON);
    const created = instantOf("2025-12-29", "09:00", LONDON);
    await addSessions(owner.scope, input(client.clientId, { date: "2026-01-05", time: "10:00" }), created);
    await addSessions(owner.scope, input(client.clientId, { date: "2026-01-19", time: "10:00" }), created);
    const [previous, next] = await db.therapySession.findMany({ where: { clientId: client.clientId }, orderBy: { startsAt: "asc" } });

    const checkIn = await assignBuiltIn(owner.scope, "weekly-trust-check-in", client.clientId, { scheduleType: "ONCE", startDate: "2026-01-01", dueDate: "2026-01-12" }, created);
    const promises = await assignBuiltIn(owner.scope, "micro-promises", client.clientId, { scheduleType: "DAILY", startDate: "2026-01-05" }, created);
    const triggers = await assignBuiltIn(owner.scope, "trigger-log", client.clientId, { scheduleType: "DAILY", startDate: "2026-01-01" }, created);

    async function entry(assignmentId: string, dueOn: string, key: string, at: Date, metrics: Record<string, number>, reviewed = false) {
      const { templateVersionId, templateVersion } = await db.assignment.findUniqueOrThrow({
        where: { id: assignmentId },
        select: { templateVersionId: true, templateVersion: { select: { template: { select: { slug: true } } } } },
      });
      const submission = await db.submission.create({
        data: {
          practiceId: owner.scope.practiceId,
          clientId: client.clientId,
          assignmentId,
          templateVersionId,
          dueOn: new Date(`${dueOn}T00:00:00Z`),
          entryKey: key,
          status: "SUBMITTED",
          submittedAt: at,
          reviewedAt: reviewed ? at : null,
        },
      });
      await db.measurement.createMany({
        data: Object.entries(metrics).map(([field, value]) => ({
          practiceId: owner.scope.practiceId,
          clientId: client.clientId,
          submissionId: submission.id,
          metric: `${templateVersion.template.slug}.${field}`,
          value,
          recordedOn: new Date(`${dueOn}T00:00:00Z`),
        })),
      });
      return submission.id;
    }
    // Before the span: the baseline check-in.
    const baseline = await assignBuiltIn(owner.scope, "weekly-trust-check-in", client.clientId, { scheduleType: "ONCE", startDate: "2026-01-01", dueDate: "2026-01-02" }, created);
    await entry(baseline, "2026-01-02", "2026-01-02", instantOf("2026-01-02", "18:00", LONDON), { predictability: 4, worry: 7 }, true);
    // In the span (5 January 10:00 to now, 14 January noon).
    const reviewedId = await entry(checkIn, "2026-01-12", "2026-01-12", instantOf("2026-01-12", "18:00", LONDON), { predictability: 6, worry: 7 }, true);
    await entry(promises, "2026-01-12", "2026-01-12", instantOf("2026-01-12", "20:00", LONDON), { kept: 1 });
    await entry(promises, "2026-01-13", "2026-01-13", instantOf("2026-01-13", "20:00", LONDON), { kept: 0 });
    await entry(triggers, "2026-01-08", "log-prep0001", instantOf("2026-01-08", "12:00", LONDON), { intensity_before: 8, intensity_after: 3 });
    const newestUnreviewed = await entry(triggers, "2026-01-10", "log-prep0002", instantOf("2026-01-10", "12:00", LONDON), { intensity_before: 6, intensity_after: 2 });
    await db.safetyFlag.create({
      data: {
        practiceId: owner.scope.practiceId,
        clientId: client.clientId,
        raisedAt: instantOf("2026-01-09", "08:00", LONDON),
        acknowledgedAt: instantOf("2026-01-09", "10:00", LONDON),
        acknowledgedById: owner.scope.therapistId,
      },
    });
    const feedback = await db.feedback.create({ data: { submissionId: reviewedId, therapistId: owner.scope.therapistId, body: "Thank you" } });
    await db.feedbackReply.create({
      data: { practiceId: owner.scope.practiceId, feedbackId: feedback.id, clientId: client.clientId, body: "It helped", createdAt: instantOf("2026-01-13", "09:00", LONDON) },
    });

    const now = instantOf("2026-01-14", "12:00", LONDON);
    const prep = await getSessionPrep(owner.scope, client.clientId, next!.id, now);
    expect(prep.span.previousSessionAt).toEqual(previous!.startsAt);
    expect(prep.entries.map((item) => item.reviewed)).toEqual([false, false, false, false, true]);
    expect(prep.entries[0]!.id).toBe(await db.submission.findFirstOrThrow({ where: { clientId: client.clientId, dueOn: new Date("2026-01-13T00:00:00Z") } }).then((row) => row.id));
    expect(prep.entries.map((item) => item.id)).toContain(newestUnreviewed);
    expect(prep.checkIns.count).toBe(1);
    expect(prep.checkIns.changes.map((change) => change.sentence)).toEqual(["Predictability rose from 4 to 6.", "Worry held steady at 7."]);
    expect(prep.triggers).toEqual({ count: 2, meanIntensity: 7 });
    expect(prep.promises).toEqual({ count: 2, keptRate: 0.5 });
    expect(prep.flags).toHaveLength(1);
    expect(prep.flags[0]!.acknowledgedAt).not.toBeNull();
    // Due 5–13 January: nine promise days plus the check-in on the 12th; three done.
    expect(prep.adherence).toEqual({ due: 10, done: 3 });
    expect(prep.replies.map((reply) => reply.body)).toEqual(["It helped"]);

    // With no earlier session the span is the 14 days before now.
    const first = await getSessionPrep(owner.scope, client.clientId, previous!.id, instantOf("2026-01-04", "12:00", LONDON));
    expect(first.span.previousSessionAt).toBeNull();
    expect(first.span.to.getTime() - first.span.from.getTime()).toBe(14 * 86_400_000);
    expect(first.checkIns.changes[0]?.sentence).toBe("Predictability: 4 (nothing earlier to compare).");
  });
});

describe("the session note's privacy", () => {
  it("is in none of the client's exports and never reaches the portal's next-session answer", async () => {
    const client = await createClientIn(owner.scope, LONDON);
    const start = instantOf("2026-10-19", "09:00", LONDON);
    await addSessions(owner.scope, input(client.clientId, { recurrence: "WEEKLY" }), start);
    const session = await db.therapySession.findFirstOrThrow({ where: { clientId: client.clientId }, orderBy: { startsAt: "asc" } });
    const after = instantOf("2026-10-20", "16:00", LONDON);
    await saveSessionNote(owner.scope, sessionNoteSchema.parse({ sessionId: session.id, body: NOTE_MARKER }), after);

    const record = await loadClientRecord(owner.scope, client.clientId);
    const files = [JSON.stringify(record), submissionsCsv(record), measurementsCsv(record), JSON.stringify(buildFhirBundle(record, { canonicalBase: "https://trellis.test", now: after }))];
    for (const file of files) expect(file).not.toContain(NOTE_MARKER);

    const next = await getNextSessionForClient(client.scope, after);
    expect(Object.keys(next!).sort()).toEqual(["durationMinutes", "startsAt"]);
    expect(next!.startsAt.toISOString()).toBe("2026-10-27T15:00:00.000Z");
    // Another client of the same practice sees nothing of this client's sessions.
    const other = await createClientIn(owner.scope, LONDON);
    expect(await getNextSessionForClient(other.scope, after)).toBeNull();
  });

  it("is read by no client-facing code: the portal, homework and export code never name the table", () => {
    const roots = ["app/(portal)", "lib/homework", "lib/exports", "components/portal"];
    const offenders: string[] = [];
    const walk = (path: string) => {
      for (const name of readdirSync(path)) {
        const full = join(path, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (/sessionNote|SessionNote/.test(readFileSync(full, "utf8"))) offenders.push(full);
      }
    };
    for (const root of roots) walk(root);
    expect(offenders).toEqual([]);
  });
});

describe("caseload and calendar", () => {
  it("marks session today / tomorrow in the viewer’s zone, ignoring cancelled and later ones", async () => {
    const now = instantOf("2026-10-19", "09:00", LONDON);
    const today = await createClientIn(owner.scope, LONDON);
    const tomorrow = await createClientIn(owner.scope, LONDON);
    const later = await createClientIn(owner.scope, LONDON);
    const cancelled = await createClientIn(owner.scope, LONDON);
    await addSessions(owner.scope, input(today.clientId, { date: "2026-10-19", time: "16:00" }), now);
    await addSessions(owner.scope, input(tomorrow.clientId, { date: "2026-10-20", time: "08:00" }), now);
    await addSessions(owner.scope, input(later.clientId, { date: "2026-10-22", time: "08:00" }), now);
    await addSessions(owner.scope, input(cancelled.clientId, { date: "2026-10-19", time: "17:00" }), now);
    const row = await db.therapySession.findFirstOrThrow({ where: { clientId: cancelled.clientId } });
    await cancelSession(owner.scope, { sessionId: row.id, which: "one" }, now);

    const ids = [today, tomorrow, later, cancelled].map((client) => client.clientId);
    const soon = await loadNextSessions(owner.scope, ids, LONDON, now);
    expect(Object.fromEntries([...soon].map(([id, value]) => [id, value.day]))).toEqual({ [today.clientId]: "today", [tomorrow.clientId]: "tomorrow" });
    // In Tokyo (8 or 9 hours ahead) 16:00 London on the 19th is already the 20th: "tomorrow".
    expect((await loadNextSessions(owner.scope, [today.clientId], "Asia/Tokyo", now)).get(today.clientId)?.day).toBe("tomorrow");
    // Another practice's scope finds nothing.
    const stranger = await createTherapist();
    expect((await loadNextSessions(stranger.scope, ids, LONDON, now)).size).toBe(0);
  });

  it("exports upcoming sessions as a valid iCalendar file: CRLF, UID, DTSTAMP, UTC start, escaped names only on the clinician's own calendar", async () => {
    const now = instantOf("2026-10-19", "09:00", LONDON);
    const client = await createClientIn(owner.scope, LONDON, "Reyes, Sam; \\ a very long display name that needs folding");
    await addSessions(owner.scope, input(client.clientId, { recurrence: "FORTNIGHTLY" }), now);
    const sessions = await db.therapySession.findMany({ where: { clientId: client.clientId }, orderBy: { startsAt: "asc" } });
    await cancelSession(owner.scope, { sessionId: sessions[5]!.id, which: "one" }, now);

    const ics = await clientSessionsCalendar(owner.scope, client.clientId, "trellis.test", now);
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const events = calendar.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent));
    expect(events).toHaveLength(5);
    expect(events[0]!.uid).toBe(`${sessions[0]!.id}@trellis.test`);
    expect(events[0]!.startDate.toJSDate().toISOString()).toBe("2026-10-20T14:00:00.000Z");
    expect(events[0]!.startDate.zone.tzid).toBe("UTC");
    expect(events[0]!.endDate.toJSDate().toISOString()).toBe("2026-10-20T14:50:00.000Z");
    expect(calendar.getFirstSubcomponent("vevent")!.getFirstPropertyValue("dtstamp")).toBeTruthy();
    expect(events.map((event) => event.summary)).toEqual(Array(5).fill("Therapy session"));
    expect(ics).not.toContain("Reyes");

    const own = await clinicianSessionsCalendar(owner.scope, "trellis.test", now);
    const ownEvents = new ICAL.Component(ICAL.parse(own)).getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent));
    expect(ownEvents.filter((event) => event.summary.startsWith("Session: Reyes")).map((event) => event.summary)[0]).toBe(
      "Session: Reyes, Sam; \\ a very long display name that needs folding",
    );
    expect(own.split("\r\n").every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    // The colleague's calendar holds none of the owner's sessions.
    const theirs = await clinicianSessionsCalendar(colleague.scope, "trellis.test", now);
    expect(theirs).not.toContain("Reyes");
    expect((await clientSessionsCalendar(colleague.scope, client.clientId, "trellis.test", now)).match(/BEGIN:VEVENT/g)).toBeNull();
  });
});
