import "server-only";
import { db } from "@/lib/db";
import { formatMomentWithTime } from "@/lib/dates/display";
import type { TherapistScope } from "@/lib/clients/scope";

/** Unacknowledged safety flags on the caller's clients, newest first. */
export function listOpenSafetyFlags(scope: TherapistScope, clientId?: string) {
  return db.safetyFlag.findMany({
    where: {
      acknowledgedAt: null,
      practiceId: scope.practiceId,
      client: { therapistId: scope.therapistId },
      ...(clientId ? { clientId } : {}),
    },
    orderBy: { raisedAt: "desc" },
    select: { id: true, raisedAt: true, submission: { select: { id: true, status: true } }, client: { select: { id: true, displayName: true, timeZone: true } } },
  });
}

/**
 * Plain props for the flag list; the entry link only when the entry was
 * submitted (drafts are the client's). The time is finished text here, on
 * the server, so the client component cannot render another "today".
 */
export function toFlagProps(flags: Awaited<ReturnType<typeof listOpenSafetyFlags>>, viewerTimeZone: string, now: Date = new Date()) {
  return flags.map((flag) => ({
    id: flag.id,
    raisedAt: formatMomentWithTime(flag.raisedAt, { timeZone: viewerTimeZone, now }),
    submissionId: flag.submission?.status === "SUBMITTED" ? flag.submission.id : null,
    clientId: flag.client.id,
    clientName: flag.client.displayName,
  }));
}
