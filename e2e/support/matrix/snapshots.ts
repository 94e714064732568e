// What a Server Action aimed at someone else's record could change, read
// straight from PostgreSQL before and after the call. Session, rate-limit and
// audit rows are left out on purpose: refused calls may (and should) write
// an audit event, and every request touches its own session.
import { db } from "@/lib/db";

export type Snapshot = () => Promise<unknown>;

export const snap = {
  /** A client with everything hanging off their record. */
  client: (clientId: string): Snapshot => () =>
    db.client.findUnique({
      where: { id: clientId },
      include: {
        invitations: { orderBy: { id: "asc" } },
        assignments: { orderBy: { id: "asc" } },
        submissions: { orderBy: { id: "asc" }, include: { feedback: { orderBy: { id: "asc" } } } },
        safetyFlags: { orderBy: { id: "asc" } },
        flagAcknowledgements: { orderBy: { id: "asc" } },
        reminders: { orderBy: { id: "asc" } },
      },
    }),

  /** A client's therapy sessions with their notes. */
  therapySessions: (clientId: string): Snapshot => () =>
    db.therapySession.findMany({ where: { clientId }, orderBy: { id: "asc" }, include: { note: true } }),

  /** Who is on a therapist's caseload (a new client there is a change). */
  caseload: (therapistId: string): Snapshot => () =>
    db.client.findMany({ where: { therapistId }, orderBy: { id: "asc" }, select: { id: true, displayName: true, email: true, status: true } }),

  /** A practice's own exercises with all their versions. */
  templates: (practiceId: string): Snapshot => () =>
    db.exerciseTemplate.findMany({ where: { practiceId }, orderBy: { id: "asc" }, include: { versions: { orderBy: { version: "asc" } } } }),

  /** An account: password, second factor, session version, recovery codes and reset tokens. */
  user: (userId: string): Snapshot => () =>
    db.user.findUnique({
      where: { id: userId },
      include: { recoveryCodes: { orderBy: { id: "asc" } }, passwordResets: { orderBy: { id: "asc" } } },
    }),

  /** Which of a person's sessions are still open (lastSeenAt, touched by every request, left out). */
  sessions: (userId: string): Snapshot => () =>
    db.authSession.findMany({ where: { userId }, orderBy: { id: "asc" }, select: { id: true, revokedAt: true, expiresAt: true } }),

  /** A practice's own settings (two-step sign-in required or not). */
  practice: (practiceId: string): Snapshot => () => db.practice.findUnique({ where: { id: practiceId } }),

  /** Every account and pending account request that carries this e-mail. */
  email: (email: string): Snapshot => async () => ({
    users: await db.user.findMany({ where: { email }, orderBy: { id: "asc" } }),
    requests: await db.accountRequest.count({ where: { email } }),
  }),
};

export async function takeSnapshot(parts: Snapshot[]): Promise<string> {
  return JSON.stringify(await Promise.all(parts.map((part) => part())));
}
