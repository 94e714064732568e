import "server-only";
import { getEnv } from "@/lib/env";
import { invitationLink } from "@/lib/invitations/invitation-url";

/**
 * The invitation link as the e-mail carries it: the same link the therapist
 * is shown (APP_URL, or this request's Host in development), and
 * http://localhost:3000 outside a request (scripts, tests) without APP_URL.
 */
export async function invitationLinkForMail(token: string): Promise<string> {
  const { APP_URL } = getEnv();
  return invitationLink(token, { appUrl: APP_URL, host: APP_URL ? null : await requestHost() });
}

async function requestHost(): Promise<string | null> {
  // Lazily, and only "no request here" means no host: scripts and Playwright
  // fixtures call the same data functions in plain Node.
  let headers: typeof import("next/headers").headers;
  try {
    ({ headers } = await import("next/headers"));
  } catch {
    return null;
  }
  try {
    return (await headers()).get("host");
  } catch (error) {
    if (error instanceof Error && /outside a request scope/.test(error.message)) return null;
    throw error;
  }
}
