import "server-only";
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

/** The caller's address for the trail, or null outside a request (scripts, seeds, test runners). */
export async function requestAddress(): Promise<string | null> {
  // Loaded lazily: data functions that record events are also imported by
  // scripts and Playwright fixtures running in plain Node, where Next's
  // request APIs cannot even be resolved.
  let headers: typeof import("next/headers").headers;
  try {
    ({ headers } = await import("next/headers"));
  } catch {
    return null;
  }
  try {
    return clientAddressFrom(await headers());
  } catch (error) {
    // Only "no request here" means no address; anything else (Next's own
    // control flow included) must pass.
    if (error instanceof Error && /outside a request scope/.test(error.message)) return null;
    throw error;
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
