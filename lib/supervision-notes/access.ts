import "server-only";
import type { PracticeRole } from "@/lib/auth/session";
import { db } from "@/lib/db";

/** A member of staff as the notes' functions need them (a TherapistIdentity fits). */
export type StaffMember = { userId: string; practiceId: string; practiceRole: PracticeRole };

export type NotesAccess = { clientId: string; clinicianId: string; canRead: boolean; canWrite: boolean };

/**
 * What this member of staff may do with a client's supervision notes, decided
 * from the data rather than the role alone: a supervisor writes (and reads)
 * only when a Supervision row links them to the client's primary clinician;
 * the primary clinician and the practice owner read; nobody else (a colleague
 * without the client, another practice) gets anything. Null when the client
 * is not in the caller's practice.
 */
export async function notesAccess(member: StaffMember, clientId: string): Promise<NotesAccess | null> {
  const client = await db.client.findFirst({ where: { id: clientId, practiceId: member.practiceId }, select: { id: true, therapistId: true } });
  if (!client) return null;
  const supervises =
    member.practiceRole === "SUPERVISOR" &&
    (await db.supervision.count({
      where: { supervisorId: member.userId, clinicianId: client.therapistId, practiceId: member.practiceId },
    })) > 0;
  const canRead = supervises || client.therapistId === member.userId || member.practiceRole === "OWNER";
  return { clientId: client.id, clinicianId: client.therapistId, canRead, canWrite: supervises };
}
