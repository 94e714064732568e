import "server-only";
import { recordEvent } from "@/lib/audit/record-event";
import type { TherapistScope } from "@/lib/clients/scope";
import { db } from "@/lib/db";
import { invalid, notFound } from "@/lib/errors";
import type { SessionNoteInput } from "./schemas";

export const NOT_YOUR_NOTE = "Another clinician wrote this session's note, so only they can change it.";

/**
 * The clinician's short note on a session that has started: written only by
 * the client's primary clinician (the caller's own therapistScope), one per
 * session, audited without its text. Never read by any client-facing code or
 * export (tests/integration/therapy-sessions.test.ts proves the exports).
 */
export async function saveSessionNote(scope: TherapistScope, input: SessionNoteInput, now: Date = new Date()) {
  const session = await db.therapySession.findFirst({
    where: { id: input.sessionId, practiceId: scope.practiceId, client: { therapistId: scope.therapistId } },
    select: { id: true, clientId: true, startsAt: true, cancelledAt: true },
  });
  if (!session) throw notFound();
  if (session.cancelledAt) throw invalid("This session was cancelled.", { body: ["A cancelled session has no note."] });
  if (session.startsAt > now) throw invalid("Please wait until the session has started.", { body: ["You can write the note once the session has started."] });

  await db.$transaction(async (tx) => {
    // After a handover the new clinician must not rewrite (and take over)
    // the previous clinician's note: only its author changes it. The row is
    // locked so the check holds until the write.
    const existing = await tx.$queryRaw<{ authorId: string }[]>`
      SELECT "authorId" FROM "SessionNote" WHERE "sessionId" = ${session.id} FOR UPDATE`;
    if (existing[0] && existing[0].authorId !== scope.therapistId) {
      throw invalid(NOT_YOUR_NOTE, { body: [NOT_YOUR_NOTE] });
    }
    await tx.sessionNote.upsert({
      where: { sessionId: session.id },
      create: { sessionId: session.id, practiceId: scope.practiceId, clientId: session.clientId, authorId: scope.therapistId, body: input.body },
      update: { body: input.body },
    });
    await recordEvent(tx, {
      practiceId: scope.practiceId,
      actorId: scope.therapistId,
      action: "session_note.saved",
      subjectType: "TherapySession",
      subjectId: session.id,
      clientId: session.clientId,
    });
  });
  return { sessionId: session.id, clientId: session.clientId };
}
