import "server-only";
import { cache } from "react";
import { db, type Tx } from "@/lib/db";
import type { ClientScope } from "@/lib/homework/client-scope";

/** `name` is the first word of the partner's display name: how partners speak of each other. */
export type LinkedPartner = { clientId: string; name: string };

function firstName(displayName: string): string {
  return displayName.trim().split(/\s+/)[0] || displayName;
}

type Reader = Pick<Tx, "client">;

/**
 * The caller's partner while the couple is linked both ways (the therapist
 * links and unlinks them, lib/clients/link-partners.ts) in the same practice
 * and neither record is archived. Sharing works only through this: once the
 * couple is unlinked or a record archived, nothing shared can be read.
 */
export async function findLinkedPartner(client: Pick<ClientScope, "clientId" | "practiceId">, reader: Reader = db): Promise<LinkedPartner | null> {
  const partner = await reader.client.findFirst({
    where: {
      partnerId: client.clientId,
      practiceId: client.practiceId,
      archivedAt: null,
      partner: { id: client.clientId, partnerId: { not: null }, archivedAt: null },
    },
    select: { id: true, displayName: true, partner: { select: { partnerId: true } } },
  });
  // Both halves of the link must point at each other.
  if (!partner || partner.partner?.partnerId !== partner.id) return null;
  return { clientId: partner.id, name: firstName(partner.displayName) };
}

/** Per request, for the portal's layout and pages. */
export const linkedPartnerOf = cache((clientId: string, practiceId: string) => findLinkedPartner({ clientId, practiceId }));
