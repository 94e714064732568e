import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { todayIn, type LocalDate } from "@/lib/dates/local-date";
import type { ProgressViewer } from "./viewer";

/** The client whose charts are being read, as the viewer may see them. */
export type ProgressSubject = {
  clientId: string;
  practiceId: string;
  therapistId: string;
  displayName: string;
  timeZone: string;
  partnerId: string | null;
  /** The client's own calendar date right now: ranges and streaks count from it. */
  today: LocalDate;
};

// Memoised per request with primitive keys, so a page whose eight cards each
// check access still asks the database once.
const findSubject = cache(async (practiceId: string, clientId: string, therapistId: string | null) =>
  db.client.findFirst({
    // A therapist sees only their own clients; a client only themselves.
    where: therapistId === null ? { id: clientId, practiceId } : { id: clientId, practiceId, therapistId },
    select: { id: true, practiceId: true, therapistId: true, displayName: true, timeZone: true, partnerId: true },
  }),
);

/** Verifies the viewer may see this client (one query, shared by all cards of a request); anyone else's client reads as not found. */
export async function loadSubject(viewer: ProgressViewer, now: Date = new Date()): Promise<ProgressSubject> {
  const row = await findSubject(viewer.practiceId, viewer.clientId, viewer.role === "therapist" ? viewer.therapistId : null);
  if (!row) throw notFound();
  return {
    clientId: row.id,
    practiceId: row.practiceId,
    therapistId: row.therapistId,
    displayName: row.displayName,
    timeZone: row.timeZone,
    partnerId: row.partnerId,
    today: todayIn(row.timeZone, now),
  };
}
