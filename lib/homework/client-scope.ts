import type { ClientIdentity } from "@/lib/auth/session";

/** The signed-in client every portal query is scoped by. */
export type ClientScope = { clientId: string; userId: string; practiceId: string; timeZone: string };

export function clientScope(identity: ClientIdentity): ClientScope {
  return { clientId: identity.clientId, userId: identity.userId, practiceId: identity.practiceId, timeZone: identity.timeZone };
}
