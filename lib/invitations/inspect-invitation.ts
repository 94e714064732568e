import "server-only";
import { db } from "@/lib/db";
import { hashInvitationToken } from "./tokens";

export type InvitationState =
  | { status: "valid"; clientName: string; email: string; therapistName: string; practiceName: string }
  | { status: "invalid" | "expired" | "used" | "revoked" };

/** What the invitation page should show for a token from a link. */
export async function inspectInvitation(token: string, now = new Date()): Promise<InvitationState> {
  if (!token || token.length > 200) return { status: "invalid" };
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: {
      usedAt: true,
      revokedAt: true,
      expiresAt: true,
      client: {
        select: {
          displayName: true,
          email: true,
          status: true,
          therapist: { select: { name: true } },
          practice: { select: { name: true } },
        },
      },
    },
  });
  if (!invitation) return { status: "invalid" };
  if (invitation.usedAt) return { status: "used" };
  if (invitation.revokedAt || invitation.client.status === "ARCHIVED") return { status: "revoked" };
  if (invitation.expiresAt <= now) return { status: "expired" };
  return {
    status: "valid",
    clientName: invitation.client.displayName,
    email: invitation.client.email,
    therapistName: invitation.client.therapist.name,
    practiceName: invitation.client.practice.name,
  };
}
