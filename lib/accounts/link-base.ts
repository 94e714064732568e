import "server-only";
import { headers } from "next/headers";
import { getEnv } from "@/lib/env";

/**
 * The origin links in e-mails point at: APP_URL when configured, else this
 * request's own host. Forwarded host and protocol headers are believed only
 * behind a configured proxy (TRUST_PROXY), so a browser cannot make Trellis
 * mail out links to somewhere else.
 */
export async function linkBase(): Promise<string> {
  const { APP_URL, TRUST_PROXY } = getEnv();
  if (APP_URL) return APP_URL;
  const h = await headers();
  const host = (TRUST_PROXY ? h.get("x-forwarded-host") : null) ?? h.get("host") ?? "localhost:3000";
  const local = host.startsWith("localhost") || host.startsWith("127.");
  const proto = (TRUST_PROXY ? h.get("x-forwarded-proto") : null) ?? (local ? "http" : "https");
  return `${proto}://${host}`;
}

/** An absolute link to `path` under `base` (keeps a path prefix in APP_URL). */
export function linkTo(base: string, path: string): string {
  const root = base.endsWith("/") ? base : `${base}/`;
  return new URL(path.replace(/^\//, ""), root).toString();
}
