import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { invalid } from "@/lib/errors";
import { isDueOn } from "@/lib/schedule/schedule";
import { toDbDate } from "@/lib/dates/local-date";
import { ENTRY_CLOSED } from "./entry-errors";
import { loadOwnAssignment } from "./load-assignment";
import type { ClientScope } from "./client-scope";

/**
 * Opens a new entry of a log (any number a day). An unfinished entry from
 * today is reused, so a double tap or a reload does not scatter empty drafts.
 */
export async function startLogEntry(client: ClientScope, assignmentId: string, now = new Date()): Promise<string> {
  const assignment = await loadOwnAssignment(client, assignmentId, now);
  if (assignment.status !== "ACTIVE" || !assignment.version.allowsMultiplePerDay || !isDueOn(assignment.schedule, assignment.today)) {
    throw invalid(ENTRY_CLOSED);
  }
  // Check-then-create under a per-assignment lock, so two taps at once (or
  // two tabs) agree on one entry instead of each making its own.
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${`log-entry:${assignmentId}`}))`;
    const unfinished = await tx.submission.findFirst({
      where: { assignmentId, clientId: client.clientId, status: "DRAFT", dueOn: toDbDate(assignment.today) },
      orderBy: { createdAt: "desc" },
      select: { entryKey: true },
    });
    if (unfinished) return unfinished.entryKey;
    const entryKey = `log-${randomBytes(12).toString("base64url")}`;
    await tx.submission.create({
      data: {
        practiceId: client.practiceId,
        clientId: client.clientId,
        assignmentId: assignment.id,
        templateVersionId: assignment.version.id,
        entryKey,
        dueOn: toDbDate(assignment.today),
      },
    });
    return entryKey;
  });
}
