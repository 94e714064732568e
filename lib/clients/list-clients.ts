import "server-only";
import { db } from "@/lib/db";
import type { ClientStatus } from "@/lib/generated/prisma/enums";
import type { TherapistScope } from "./scope";

export type ClientListItem = {
  id: string;
  displayName: string;
  email: string;
  timeZone: string;
  status: ClientStatus;
  createdAt: Date;
  invitation: { expiresAt: Date; expired: boolean } | null;
};

/** The caller's own caseload, newest first; archived clients only when asked. */
export async function listClients(
  scope: TherapistScope,
  options: { includeArchived?: boolean; now?: Date } = {},
): Promise<ClientListItem[]> {
  const now = options.now ?? new Date();
  const clients = await db.client.findMany({
    where: {
      therapistId: scope.therapistId,
      practiceId: scope.practiceId,
      ...(options.includeArchived ? {} : { status: { not: "ARCHIVED" } }),
    },
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
    select: {
      id: true,
      displayName: true,
      email: true,
      timeZone: true,
      status: true,
      createdAt: true,
      invitations: {
        where: { usedAt: null, revokedAt: null },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { expiresAt: true },
      },
    },
  });
  return clients.map(({ invitations, ...client }) => {
    const open = client.status === "INVITED" ? invitations[0] : undefined;
    return { ...client, invitation: open ? { expiresAt: open.expiresAt, expired: open.expiresAt <= now } : null };
  });
}
