import "server-only";
import { db } from "@/lib/db";
import { invalid } from "@/lib/errors";
import { addDays, fromDbDate, toDbDate, type LocalDate } from "@/lib/dates/local-date";
import { canWriteScheduledEntry, isScheduledEntryKey, LOG_ENTRY_KEY, OVERDUE_WINDOW_DAYS } from "./entry-rules";
import { ENTRY_CLOSED } from "./entry-errors";
import type { OwnAssignment } from "./load-assignment";
import type { ClientScope } from "./client-scope";

/** What deciding whether an entry is writable needs to know about its assignment. */
export type WritableCheck = {
  status: string;
  schedule: OwnAssignment["schedule"];
  today: LocalDate;
  allowsMultiplePerDay: boolean;
};

/**
 * Which calendar day an entry belongs to, if the client may write it now.
 * Scheduled items: the due date in the key. Log entries: the day the entry
 * was started (`logDay`, from its row, made by startLogEntry; null when
 * there is none).
 */
export function writableEntryDay(assignment: WritableCheck, entryKey: string, logDay: LocalDate | null): LocalDate {
  if (assignment.status !== "ACTIVE") throw invalid(ENTRY_CLOSED);
  if (isScheduledEntryKey(entryKey)) {
    if (assignment.allowsMultiplePerDay || !canWriteScheduledEntry(assignment.schedule, entryKey, assignment.today)) {
      throw invalid(ENTRY_CLOSED);
    }
    return entryKey;
  }
  if (!LOG_ENTRY_KEY.test(entryKey) || !assignment.allowsMultiplePerDay || !logDay) throw invalid(ENTRY_CLOSED);
  // A log entry left unfinished closes with the same window as a missed item.
  if (logDay < addDays(assignment.today, -OVERDUE_WINDOW_DAYS)) throw invalid(ENTRY_CLOSED);
  return logDay;
}

/** writableEntryDay for a loaded assignment, reading a log entry's day from its row. */
export async function resolveWritableEntry(client: ClientScope, assignment: OwnAssignment, entryKey: string): Promise<LocalDate> {
  const check = { ...assignment, allowsMultiplePerDay: assignment.version.allowsMultiplePerDay };
  if (assignment.status !== "ACTIVE" || isScheduledEntryKey(entryKey) || !LOG_ENTRY_KEY.test(entryKey) || !check.allowsMultiplePerDay) {
    return writableEntryDay(check, entryKey, null);
  }
  const existing = await db.submission.findFirst({
    where: { assignmentId: assignment.id, entryKey, clientId: client.clientId },
    select: { dueOn: true },
  });
  return writableEntryDay(check, entryKey, existing ? fromDbDate(existing.dueOn) : null);
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
