import "server-only";
import { db } from "@/lib/db";
import { invalid } from "@/lib/errors";
import { addDays, fromDbDate, toDbDate, type LocalDate } from "@/lib/dates/local-date";
import { canWriteScheduledEntry, isScheduledEntryKey, LOG_ENTRY_KEY, OVERDUE_WINDOW_DAYS } from "./entry-rules";
import { ENTRY_CLOSED } from "./entry-errors";
import type { OwnAssignment } from "./load-assignment";
import type { ClientScope } from "./client-scope";

/**
 * Which calendar day an entry belongs to, if the client may write it now.
 * Scheduled items: the due date in the key. Log entries: the day the entry
 * was started (its row exists already, made by startLogEntry).
 */
export async function resolveWritableEntry(client: ClientScope, assignment: OwnAssignment, entryKey: string): Promise<LocalDate> {
  if (assignment.status !== "ACTIVE") throw invalid(ENTRY_CLOSED);
  if (isScheduledEntryKey(entryKey)) {
    if (assignment.version.allowsMultiplePerDay || !canWriteScheduledEntry(assignment.schedule, entryKey, assignment.today)) {
      throw invalid(ENTRY_CLOSED);
    }
    return entryKey;
  }
  if (!LOG_ENTRY_KEY.test(entryKey) || !assignment.version.allowsMultiplePerDay) throw invalid(ENTRY_CLOSED);
  const existing = await db.submission.findFirst({
    where: { assignmentId: assignment.id, entryKey, clientId: client.clientId },
    select: { dueOn: true },
  });
  if (!existing) throw invalid(ENTRY_CLOSED);
  const day = fromDbDate(existing.dueOn);
  // A log entry left unfinished closes with the same window as a missed item.
  if (day < addDays(assignment.today, -OVERDUE_WINDOW_DAYS)) throw invalid(ENTRY_CLOSED);
  return day;
}

/** Creates the entry's row if it is not there yet (concurrent callers are fine). */
export async function ensureEntryRow(client: ClientScope, assignment: OwnAssignment, entryKey: string, dueOn: LocalDate) {
  await db.submission.createMany({
    data: [
      {
        practiceId: client.practiceId,
        clientId: client.clientId,
        assignmentId: assignment.id,
        templateVersionId: assignment.version.id,
        entryKey,
        dueOn: toDbDate(dueOn),
      },
    ],
    skipDuplicates: true,
  });
}
