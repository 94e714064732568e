import "server-only";
import { notFound } from "next/navigation";
import type { Identity } from "@/lib/auth/session";
import { AppError, notFound as notFoundError } from "@/lib/errors";
import { recordEvent, type AuditAction } from "./record-event";
import { claimRequestEvent, requestAddress } from "./request-context";

export type ViewAction = Extract<
  AuditAction,
  "client.viewed" | "client.progress_viewed" | "client.report_viewed" | "client.access_history_viewed" | "entry.viewed" | "session_prep.viewed"
>;

type Viewer = Pick<Identity, "userId" | "practiceId">;

/**
 * A look at a client's clinical record: who, what, whose, from where. Awaited
 * by the page beside its data, so a page is never shown without its trace.
 */
export async function recordView(
  viewer: Viewer,
  view: { action: ViewAction; subjectType: "Client" | "Submission"; subjectId: string; clientId: string },
) {
  if (!claimRequestEvent()) return;
  await recordEvent(undefined, {
    practiceId: viewer.practiceId,
    actorId: viewer.userId,
    action: view.action,
    subjectType: view.subjectType,
    subjectId: view.subjectId,
    clientId: view.clientId,
    outcome: "success",
    address: await requestAddress(),
  });
}

// Every id Trellis makes (cuid, UUID) looks like this; anything else in a URL
// cannot name a record and is not sent to the database (a NUL byte would
// make PostgreSQL fail the query).
const PLAUSIBLE_ID = /^[\w-]{1,64}$/;

/**
 * For pages: loads a record by the id in the URL. One that is missing or
 * someone else's shows the not-found page, exactly as orNotFound does (no
 * existence leak), and the attempt is kept in the caller's own practice's
 * trail as "access.denied".
 */
export async function orDenied<T>(
  viewer: Viewer,
  attempt: { action: ViewAction; subjectType: "Client" | "Submission"; subjectId: string },
  load: () => Promise<T>,
): Promise<T> {
  try {
    if (!PLAUSIBLE_ID.test(attempt.subjectId)) throw notFoundError();
    return await load();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (claimRequestEvent()) {
      await recordEvent(undefined, {
        practiceId: viewer.practiceId,
        actorId: viewer.userId,
        action: "access.denied",
        subjectType: attempt.subjectType,
        // Whatever was in the URL, kept as a short plain token.
        subjectId: attempt.subjectId.replace(/[^\w-]/g, "?").slice(0, 64) || "?",
        outcome: "denied",
        address: await requestAddress(),
        metadata: { attempted: attempt.action },
      });
    }
    notFound();
  }
}
