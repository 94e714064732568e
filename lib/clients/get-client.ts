import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { TherapistScope } from "./scope";

/** One client of the caller's; anyone else's reads as not found. */
export async function getClient(scope: TherapistScope, clientId: string) {
  const client = await db.client.findFirst({
    where: { id: clientId, therapistId: scope.therapistId, practiceId: scope.practiceId },
    select: {
      id: true,
      displayName: true,
      email: true,
      timeZone: true,
      status: true,
      createdAt: true,
      archivedAt: true,
      userId: true,
    },
  });
  if (!client) throw notFound();
  return client;
}
