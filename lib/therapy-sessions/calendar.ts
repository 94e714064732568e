import "server-only";
import type { TherapistScope } from "@/lib/clients/scope";
import { db } from "@/lib/db";
import { buildCalendar, type CalendarEvent } from "./ics";

/** Upcoming sessions only, up to this far ahead (a series is created 12 weeks out). */
const CALENDAR_DAYS = 180;
const LIMIT = 500;

function window(now: Date) {
  return { gt: new Date(now.getTime() - 8 * 3_600_000), lt: new Date(now.getTime() + CALENDAR_DAYS * 86_400_000) };
}

/**
 * One client's upcoming sessions as an .ics file. The title names no one
 * ("Therapy session"): the file may be forwarded, even to the client.
 */
export async function clientSessionsCalendar(scope: TherapistScope, clientId: string, host: string, now: Date = new Date()): Promise<string> {
  const rows = await db.therapySession.findMany({
    where: { clientId, practiceId: scope.practiceId, client: { therapistId: scope.therapistId }, cancelledAt: null, startsAt: window(now) },
    orderBy: { startsAt: "asc" },
    take: LIMIT,
    select: { id: true, startsAt: true, durationMinutes: true },
  });
  const events: CalendarEvent[] = rows.map((row) => ({ uid: row.id, start: row.startsAt, durationMinutes: row.durationMinutes, summary: "Therapy session" }));
  return buildCalendar({ name: "Therapy sessions", events, now, host });
}

/**
 * The signed-in clinician's own upcoming sessions with their clients, for
 * their own calendar: the client's display name and nothing clinical.
 */
export async function clinicianSessionsCalendar(scope: TherapistScope, host: string, now: Date = new Date()): Promise<string> {
  const rows = await db.therapySession.findMany({
    where: { practiceId: scope.practiceId, client: { therapistId: scope.therapistId, archivedAt: null }, cancelledAt: null, startsAt: window(now) },
    orderBy: { startsAt: "asc" },
    take: LIMIT,
    select: { id: true, startsAt: true, durationMinutes: true, client: { select: { displayName: true } } },
  });
  const events: CalendarEvent[] = rows.map((row) => ({
    uid: row.id,
    start: row.startsAt,
    durationMinutes: row.durationMinutes,
    summary: `Session: ${row.client.displayName}`,
  }));
  return buildCalendar({ name: "Trellis sessions", events, now, host });
}
