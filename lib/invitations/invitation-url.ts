import "server-only";
import { headers } from "next/headers";
import { getEnv } from "@/lib/env";

/** The absolute link for a token: APP_URL when configured, else this request's own origin. */
export async function invitationUrl(token: string): Promise<string> {
  const configured = getEnv().APP_URL;
  if (configured) return new URL(`/invite/${token}`, configured).toString();
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}/invite/${token}`;
}
