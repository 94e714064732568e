import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { cache } from "react";
import { clientAddressFrom } from "@/lib/http/client-address";

// One audit insert per request at most: the first event a request records
// wins, whichever component or action records it, however often it renders.
const requestSlot = cache(() => ({ taken: false }));

/** True the first time in a request (and always outside one, e.g. in scripts and tests). */
export function claimRequestEvent(): boolean {
  const slot = requestSlot();
  if (slot.taken) return false;
  slot.taken = true;
  return true;
}

/** The caller's address for the trail, or null outside a request (scripts, tests). */
export async function requestAddress(): Promise<string | null> {
  try {
    return clientAddressFrom(await headers());
  } catch (error) {
    // Next's own control-flow errors (dynamic rendering, redirects) must pass.
    unstable_rethrow(error);
    return null;
  }
}

/**
 * For a change made by a Server Action: its event is always written (in the
 * change's own transaction), and it takes the request's slot, so the page
 * re-rendered after the action does not add a view event to the same request.
 */
export async function actionEventContext(): Promise<{ address: string | null }> {
  claimRequestEvent();
  return { address: await requestAddress() };
}
