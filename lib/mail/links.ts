import "server-only";
import { getEnv } from "@/lib/env";

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
  const path = `invite/${encodeURIComponent(token)}`;
  if (APP_URL) return new URL(path, APP_URL.endsWith("/") ? APP_URL : `${APP_URL}/`).toString();
  const host = await requestHost();
  // Never X-Forwarded-Host: whoever sends that header would choose where the invitation points.
  const origin = host && /^[A-Za-z0-9.\-[\]:]+$/.test(host) ? host : "localhost:3000";
  const local = /^(localhost|127\.|\[::1\])/.test(origin);
  return `${local ? "http" : "https"}://${origin}/${path}`;
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
