import "server-only";
import { randomUUID } from "node:crypto";
import { recordEvent } from "@/lib/audit/record-event";
import type { TherapistScope } from "@/lib/clients/scope";
import { addDays, todayIn } from "@/lib/dates/local-date";
import { db } from "@/lib/db";
import { invalid, notFound } from "@/lib/errors";
import { findSessionClient } from "./find-client";
import { occurrenceStarts } from "./occurrences";
import type { AddSessionInput } from "./schemas";

/** Sessions up to a year back may be recorded (so "Before the session" knows when you last met); a year ahead at most. */
export const RECORD_BACK_DAYS = 365;
export const PLAN_AHEAD_DAYS = 365;

/**
 * Records a session (or a weekly / fortnightly series, one row per
 * occurrence for the next 12 weeks, sharing a seriesId). The date and time
 * are the primary clinician's wall clock; each occurrence keeps that local
 * time across daylight-saving changes. Only the primary clinician: with the
 * caller's own therapistScope, anyone else's client is not found.
 */
export async function addSessions(scope: TherapistScope, input: AddSessionInput, now: Date = new Date()) {
  const client = await findSessionClient(scope, input.clientId);
  if (client.status === "ARCHIVED") throw invalid("This client is archived: sessions can no longer be added.");
  const zone = client.therapist.timeZone;
  const today = todayIn(zone, now);
  if (input.date < addDays(today, -RECORD_BACK_DAYS)) {
    throw invalid("Please check the date.", { date: ["Sessions more than a year ago cannot be recorded."] });
  }
  if (input.date > addDays(today, PLAN_AHEAD_DAYS)) {
    throw invalid("Please check the date.", { date: ["Choose a date within the next year."] });
  }
  if (input.recurrence !== "NONE" && input.date < today) {
    throw invalid("Please check the date.", { date: ["A repeating session starts today or later. Record past sessions one at a time."] });
  }

  const starts = occurrenceStarts(input.date, input.time, zone, input.recurrence);
  const seriesId = input.recurrence === "NONE" ? null : randomUUID();
  await db.$transaction(async (tx) => {
    // Still the caller's client, held so that a handover in progress is
    // waited for (it then makes this "not found") or waits for this write.
    const held = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Client" WHERE "id" = ${client.id} AND "therapistId" = ${scope.therapistId} AND "practiceId" = ${scope.practiceId}
      FOR SHARE`;
    if (held.length === 0) throw notFound();
    await tx.therapySession.createMany({
      data: starts.map((startsAt) => ({
        practiceId: scope.practiceId,
        clientId: client.id,
        clinicianId: scope.therapistId,
        startsAt,
        durationMinutes: input.durationMinutes,
        recurrence: input.recurrence,
        seriesId,
      })),
    });
    await recordEvent(tx, {
      practiceId: scope.practiceId,
      actorId: scope.therapistId,
      action: "session.added",
      subjectType: "Client",
      subjectId: client.id,
      clientId: client.id,
      metadata: { occurrences: String(starts.length), recurrence: input.recurrence },
    });
  });
  return { count: starts.length, firstStartsAt: starts[0]!, seriesId };
}
