import { Card } from "@/components/ui/card";
import { MomentText } from "@/components/dates/date-text";
import { listSupervisionNotes } from "@/lib/supervision-notes/list-notes";
import type { StaffMember } from "@/lib/supervision-notes/access";
import { SupervisionNoteForm } from "./supervision-note-form";

/**
 * Supervision notes on the client page. Renders nothing for anyone who may
 * not read them (the data function decides); reading them is part of the
 * page's audited client view.
 */
export async function SupervisionNotesCard({ viewer, clientId }: { viewer: StaffMember & { timeZone: string }; clientId: string }) {
  const notes = await listSupervisionNotes(viewer, clientId);
  if (!notes) return null;
  if (notes.notes.length === 0 && !notes.canWrite) return null;
  return (
    <Card>
      <h2 className="text-lg font-semibold">Supervision notes</h2>
      {notes.notes.length === 0 ? (
        <p className="mt-1 text-sm text-stone-600">No supervision notes yet.</p>
      ) : (
        <ul className="mt-3 space-y-3" data-testid="supervision-notes">
          {notes.notes.map((note) => (
            <li key={note.id} className="rounded-lg bg-stone-50 p-3">
              <p className="text-sm font-medium text-stone-700">
                {note.authorName} · <MomentText value={note.createdAt} view={{ timeZone: viewer.timeZone }} withTime />
              </p>
              <p className="mt-1 whitespace-pre-wrap wrap-anywhere">{note.body}</p>
            </li>
          ))}
        </ul>
      )}
      {notes.canWrite ? <SupervisionNoteForm clientId={clientId} /> : null}
    </Card>
  );
}
