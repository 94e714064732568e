import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/audit/record-event";
import { notesAccess, type StaffMember } from "./access";
import type { SupervisionNoteInput } from "./schema";

/**
 * A supervisor's note on a client of a clinician they supervise. The role
 * alone is not enough: without a Supervision row for the client's primary
 * clinician the client reads as not found.
 */
export async function writeSupervisionNote(member: StaffMember, input: SupervisionNoteInput, now = new Date()) {
  const access = await notesAccess(member, input.clientId);
  if (!access?.canWrite) throw notFound();
  return db.$transaction(async (tx) => {
    const note = await tx.supervisionNote.create({
      data: { practiceId: member.practiceId, clientId: access.clientId, authorId: member.userId, body: input.body, createdAt: now },
      select: { id: true, createdAt: true },
    });
    await recordEvent(tx, {
      practiceId: member.practiceId,
      actorId: member.userId,
      action: "supervision_note.written",
      subjectType: "SupervisionNote",
      subjectId: note.id,
      clientId: access.clientId,
    });
    return note;
  });
}
