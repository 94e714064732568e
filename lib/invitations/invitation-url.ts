import "server-only";
import { headers } from "next/headers";
import { getEnv } from "@/lib/env";

/**
 * The absolute invitation link for a token. APP_URL when configured (always,
 * in production); otherwise, in development and tests, the Host this request
 * was sent to. Never X-Forwarded-Host: whoever sends that header would choose
 * where the invitation points.
 */
export function invitationLink(token: string, { appUrl, host }: { appUrl: string | undefined; host: string | null }): string {
  const path = `invite/${encodeURIComponent(token)}`;
  if (appUrl) return new URL(path, appUrl.endsWith("/") ? appUrl : `${appUrl}/`).toString();
  const origin = host && /^[A-Za-z0-9.\-[\]:]+$/.test(host) ? host : "localhost:3000";
  const local = /^(localhost|127\.|\[::1\])/.test(origin);
  return `${local ? "http" : "https"}://${origin}/${path}`;
}

export async function invitationUrl(token: string): Promise<string> {
  const { APP_URL } = getEnv();
  return invitationLink(token, { appUrl: APP_URL, host: APP_URL ? null : (await headers()).get("host") });
}
