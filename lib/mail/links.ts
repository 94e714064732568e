import "server-only";
import { getEnv } from "@/lib/env";
import { invitationLink } from "@/lib/invitations/invitation-link";

// Nothing here imports next/headers at load time: the data functions that
// queue invitations are also loaded by scripts and Playwright fixtures in
// plain Node, where it cannot be resolved.

/**
 * The invitation link as the e-mail carries it: the same link the therapist
 * is shown (lib/invitations/invitation-url.ts: APP_URL, or this request's
 * Host in development), and http://localhost:3000 outside a request
 * (scripts, tests) without APP_URL.
 */
export async function invitationLinkForMail(token: string): Promise<string> {
  const { APP_URL } = getEnv();
  return invitationLink(token, { appUrl: APP_URL, host: APP_URL ? null : await requestHost() });
}

async function requestHost(): Promise<string | null> {
  let headers: typeof import("next/headers").headers;
  try {
    ({ headers } = await import("next/headers"));
  } catch {
    return null;
  }
  try {
    return (await headers()).get("host");
  } catch (error) {
    // Only "no request here" means no host; anything else (Next's own control flow included) must pass.
    if (error instanceof Error && /outside a request scope/.test(error.message)) return null;
    throw error;
  }
}
