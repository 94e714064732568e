import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { findLiveSession } from "@/lib/sessions/find-live-session";
import { readSessionClaims } from "@/lib/sessions/session-token";
import { requireTwoFactorEnrolment } from "@/lib/two-factor/enforcement";

export type PracticeRole = "OWNER" | "CLINICIAN" | "SUPERVISOR";

export type TherapistIdentity = {
  role: "THERAPIST";
  /** What this member of staff may do in their practice (lib/practice/access.ts). */
  practiceRole: PracticeRole;
  userId: string;
  /** The server-side session (AuthSession) this request belongs to. */
  sessionId: string;
  practiceId: string;
  name: string;
  email: string;
  timeZone: string;
};

export type ClientIdentity = {
  role: "CLIENT";
  userId: string;
  sessionId: string;
  clientId: string;
  therapistId: string;
  practiceId: string;
  name: string;
  email: string;
  timeZone: string;
};

export type Identity = TherapistIdentity | ClientIdentity;

/**
 * The signed-in person, re-read from the database on every request together
 * with their server-side session (one statement): a session that was revoked
 * (sign-out, "sign out everywhere else", password change, archiving), has
 * passed its absolute end or has idled out counts as signed out, on every app
 * instance, whatever the cookie says. Cached per request.
 */
export const getIdentity = cache(async (): Promise<Identity | null> => {
  const claims = await readSessionClaims();
  if (!claims) return null;
  const live = await findLiveSession(claims.sessionId, claims.userId, { touch: true });
  if (!live) return null;

  const base = {
    userId: live.userId,
    sessionId: live.sessionId,
    practiceId: live.practiceId,
    name: live.name,
    email: live.email,
    timeZone: live.timeZone,
  };
  if (live.role === "THERAPIST") return { role: "THERAPIST", practiceRole: live.practiceRole ?? "CLINICIAN", ...base };

  if (!live.clientId || !live.therapistId || live.clientStatus !== "ACTIVE") return null;
  return { role: "CLIENT", ...base, clientId: live.clientId, therapistId: live.therapistId };
});

export async function requireTherapist(): Promise<TherapistIdentity> {
  const identity = await getIdentity();
  if (!identity) redirect("/sign-in?reason=signed-out");
  if (identity.role !== "THERAPIST") redirect("/portal");
  // A practice that requires two-step sign-in: set it up before anything else.
  await requireTwoFactorEnrolment(identity);
  return identity;
}

export async function requireClient(): Promise<ClientIdentity> {
  const identity = await getIdentity();
  if (!identity) redirect("/sign-in?reason=signed-out");
  if (identity.role !== "CLIENT") redirect("/dashboard");
  return identity;
}

export function homePathFor(identity: Identity): string {
  return identity.role === "THERAPIST" ? "/dashboard" : "/portal";
}
