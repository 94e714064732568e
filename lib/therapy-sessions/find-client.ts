import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { TherapistScope } from "@/lib/clients/scope";

/**
 * The client as the scope may see it, with their primary clinician's zone
 * (session times are entered and shown in it). Someone else's client reads as
 * not found. For writes the scope is the caller's own therapistScope, so only
 * the primary clinician finds the client; readers pass a ClientReadScope.
 */
export async function findSessionClient(scope: TherapistScope, clientId: string) {
  const client = await db.client.findFirst({
    where: { id: clientId, practiceId: scope.practiceId, therapistId: scope.therapistId },
    select: { id: true, displayName: true, timeZone: true, status: true, therapistId: true, therapist: { select: { name: true, timeZone: true } } },
  });
  if (!client) throw notFound();
  return client;
}
