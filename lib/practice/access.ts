import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { requireTherapist, type PracticeRole, type TherapistIdentity } from "@/lib/auth/session";
import type { TherapistScope } from "@/lib/clients/scope";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";

// Who may read and who may change a client's record, in one place.
//
// A client has one primary clinician (Client.therapistId), the only person
// who changes anything clinical about them. Reading is wider: the practice's
// owner reads every client of the practice, a supervisor the clients of the
// clinicians they supervise, a clinician only their own. Every check is a
// query scoped by the caller's practice, so an id from another practice reads
// as not found whatever the role.

/** Owners and clinicians treat clients; supervisors only read. */
export function canTreat(identity: Pick<TherapistIdentity, "practiceRole">): boolean {
  return identity.practiceRole !== "SUPERVISOR";
}

export const TREATING_ROLES: readonly PracticeRole[] = ["OWNER", "CLINICIAN"];

/**
 * A staff page for some roles only (e.g. the outbox for the owner, the review
 * inbox for those who treat clients); anyone else on the staff goes to their
 * caseload, where their navigation starts.
 */
export async function requireStaff(roles: readonly PracticeRole[]): Promise<TherapistIdentity> {
  const identity = await requireTherapist();
  if (!roles.includes(identity.practiceRole)) redirect("/dashboard");
  return identity;
}

export const READ_ONLY_MESSAGE = "Supervisors can read but not change this.";
export const readOnlyRefusal = () => new AppError("forbidden", READ_ONLY_MESSAGE);

export const ROLE_REFUSED_MESSAGE = "Your role in this practice doesn't include this.";
export const roleRefusal = () => new AppError("forbidden", ROLE_REFUSED_MESSAGE);

/**
 * A client's record as seen by the caller: scoped to the client's primary
 * clinician (so every existing data function reads the right rows), with the
 * caller kept apart as the actor. readOnly when the caller is not that
 * clinician: pages then hide every form, and writes (which use the caller's
 * own therapistScope) would not find the client anyway.
 */
export type ClientReadScope = TherapistScope & { actorId: string; readOnly: boolean };

const findReadableClient = cache(
  async (userId: string, practiceId: string, practiceRole: PracticeRole, clientId: string) =>
    db.client.findFirst({
      where: {
        id: clientId,
        practiceId,
        ...(practiceRole === "OWNER"
          ? {}
          : practiceRole === "SUPERVISOR"
            ? { therapist: { supervisedBy: { some: { supervisorId: userId } } } }
            : { therapistId: userId }),
      },
      select: { id: true, therapistId: true },
    }),
);

/** Throws notFound() unless the caller may read this client. Cached per request. */
export async function clientReadScope(identity: TherapistIdentity, clientId: string): Promise<ClientReadScope> {
  const client = await findReadableClient(identity.userId, identity.practiceId, identity.practiceRole, clientId);
  if (!client) throw notFound();
  return {
    therapistId: client.therapistId,
    practiceId: identity.practiceId,
    actorId: identity.userId,
    readOnly: client.therapistId !== identity.userId,
  };
}

/** Like clientReadScope, for a submission (the review page), found through its client. */
export async function submissionReadScope(identity: TherapistIdentity, submissionId: string): Promise<ClientReadScope> {
  const submission = await db.submission.findFirst({
    where: { id: submissionId, practiceId: identity.practiceId },
    select: { clientId: true },
  });
  if (!submission) throw notFound();
  return clientReadScope(identity, submission.clientId);
}

/**
 * The clinicians whose caseloads the caller reads: everyone who treats
 * clients in the practice for an owner, the supervised clinicians for a
 * supervisor, themselves for a clinician. Deactivated colleagues are included
 * while they still have clients (their clients must be handed over, and the
 * owner has to see them to do it).
 */
export const readableClinicianIds = cache(async (identity: TherapistIdentity): Promise<string[]> => {
  if (identity.practiceRole === "CLINICIAN") return [identity.userId];
  const rows = await db.user.findMany({
    where: {
      practiceId: identity.practiceId,
      role: "THERAPIST",
      practiceRole: { in: ["OWNER", "CLINICIAN"] },
      ...(identity.practiceRole === "SUPERVISOR" ? { supervisedBy: { some: { supervisorId: identity.userId } } } : {}),
    },
    select: { id: true },
    orderBy: { name: "asc" },
  });
  return rows.map((row) => row.id);
});

export type ClinicianOption = { id: string; name: string; isSelf: boolean };

/** The clinicians the caller reads, with names, for a "clinician" filter. */
export async function readableClinicians(identity: TherapistIdentity): Promise<ClinicianOption[]> {
  const ids = await readableClinicianIds(identity);
  if (ids.length === 0) return [];
  const rows = await db.user.findMany({
    where: { id: { in: ids }, practiceId: identity.practiceId },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  return rows.map((row) => ({ ...row, isSelf: row.id === identity.userId }));
}
