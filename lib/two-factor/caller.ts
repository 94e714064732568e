import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getIdentity, type Identity } from "@/lib/auth/session";
import { clientAddressFrom } from "@/lib/http/client-address";

/** Who is changing their own two-step sign-in, and from where. */
export type TwoFactorCaller = { userId: string; practiceId: string; sessionId?: string; address: string };

/**
 * The signed-in person, therapist or client. Deliberately not
 * requireTherapist(): a therapist whose practice requires two-step sign-in
 * must be able to reach the enrolment page and its actions before they have
 * set it up (requireTherapist would send them straight back here).
 */
export async function requireTwoFactorCaller(): Promise<{ identity: Identity; caller: TwoFactorCaller }> {
  const identity = await getIdentity();
  if (!identity) redirect("/sign-in?reason=signed-out");
  const address = clientAddressFrom(await headers());
  return {
    identity,
    caller: { userId: identity.userId, practiceId: identity.practiceId, sessionId: identity.sessionId, address },
  };
}
