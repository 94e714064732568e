import type { TherapistIdentity } from "@/lib/auth/session";

/** The caller every client query is scoped by. */
export type TherapistScope = { therapistId: string; practiceId: string };

export function therapistScope(identity: TherapistIdentity): TherapistScope {
  return { therapistId: identity.userId, practiceId: identity.practiceId };
}
