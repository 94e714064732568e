import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { TherapistScope } from "./scope";

// Cached per request on primitive arguments: a client's page and the data
// functions it calls (e.g. listClientAssignments) share one query.
const getClientCached = cache(async (therapistId: string, practiceId: string, clientId: string) => {
  const client = await db.client.findFirst({
    where: { id: clientId, therapistId, practiceId },
    select: {
      id: true,
      displayName: true,
      email: true,
      timeZone: true,
      status: true,
      createdAt: true,
      archivedAt: true,
      userId: true,
      therapistId: true,
      therapist: { select: { name: true } },
    },
  });
  if (!client) throw notFound();
  const { therapist, ...rest } = client;
  return { ...rest, therapistName: therapist.name };
});

/** One client of the caller's; anyone else's reads as not found. */
export function getClient(scope: TherapistScope, clientId: string) {
  return getClientCached(scope.therapistId, scope.practiceId, clientId);
}
