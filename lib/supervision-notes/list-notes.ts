import "server-only";
import { db } from "@/lib/db";
import { notesAccess, type StaffMember } from "./access";

export type SupervisionNoteItem = { id: string; body: string; createdAt: Date; authorName: string };

/**
 * The client's supervision notes, newest first, for those who may read them
 * (the supervisor of the client's clinician, the primary clinician, the
 * owner); null for anyone else, who is not told the notes exist. Reading
 * them is part of the client page's audited view.
 */
export async function listSupervisionNotes(
  member: StaffMember,
  clientId: string,
): Promise<{ canWrite: boolean; notes: SupervisionNoteItem[] } | null> {
  const access = await notesAccess(member, clientId);
  if (!access?.canRead) return null;
  const rows = await db.supervisionNote.findMany({
    where: { clientId: access.clientId, practiceId: member.practiceId },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, body: true, createdAt: true, author: { select: { name: true } } },
  });
  return {
    canWrite: access.canWrite,
    notes: rows.map((row) => ({ id: row.id, body: row.body, createdAt: row.createdAt, authorName: row.author.name })),
  };
}
