import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db";
import { auth } from "./auth";

export type TherapistIdentity = {
  role: "THERAPIST";
  userId: string;
  practiceId: string;
  name: string;
  email: string;
  timeZone: string;
};

export type ClientIdentity = {
  role: "CLIENT";
  userId: string;
  clientId: string;
  therapistId: string;
  practiceId: string;
  name: string;
  email: string;
  timeZone: string;
};

export type Identity = TherapistIdentity | ClientIdentity;

/**
 * The signed-in person, re-read from the database on every request: a token
 * whose session version is stale (password changed, client archived) counts
 * as signed out. Cached per request.
 */
export const getIdentity = cache(async (): Promise<Identity | null> => {
  const session = await auth();
  const claims = session?.user;
  if (!claims?.id) return null;

  const user = await db.user.findUnique({
    where: { id: claims.id },
    select: {
      id: true,
      role: true,
      name: true,
      email: true,
      timeZone: true,
      practiceId: true,
      sessionVersion: true,
      clientProfile: { select: { id: true, therapistId: true, status: true } },
    },
  });
  if (!user || user.sessionVersion !== claims.sessionVersion) return null;

  const base = { userId: user.id, practiceId: user.practiceId, name: user.name, email: user.email, timeZone: user.timeZone };
  if (user.role === "THERAPIST") return { role: "THERAPIST", ...base };

  const profile = user.clientProfile;
  if (!profile || profile.status !== "ACTIVE") return null;
  return { role: "CLIENT", ...base, clientId: profile.id, therapistId: profile.therapistId };
});

export async function requireTherapist(): Promise<TherapistIdentity> {
  const identity = await getIdentity();
  if (!identity) redirect("/sign-in?reason=signed-out");
  if (identity.role !== "THERAPIST") redirect("/portal");
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
