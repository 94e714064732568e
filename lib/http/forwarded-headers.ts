// What Trellis's own server (scripts/server/trellis-server.ts) does to every
// request before Next sees it. Proxy headers come from whoever sent the
// request: without a load balancer of ours in front, that is the browser, so
// they are replaced or removed; with TRUST_PROXY=1 the load balancer's own
// additions are kept and anything a browser put before them is dropped.
import type { IncomingHttpHeaders } from "node:http";

// Headers only a proxy in front of us may set. Forwarded and X-Real-IP are
// never read by Trellis; removing them leaves one place an address comes from.
const proxyOnly = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"] as const;
const alwaysRemoved = ["x-real-ip", "forwarded"] as const;
// Next takes the script nonce from the request's CSP header; proxy.ts sets it
// for pages, and nobody else may choose it.
const nonceCarriers = ["content-security-policy", "content-security-policy-report-only"] as const;

/** "::ffff:127.0.0.1" (an IPv4 peer on a dual-stack socket) reads as "127.0.0.1". */
export function plainAddress(address: string | undefined): string | undefined {
  if (!address) return undefined;
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}

/** The last entry of a comma-separated header (what the nearest proxy appended). */
export function rightmostHop(value: string | string[] | undefined): string | undefined {
  const joined = Array.isArray(value) ? value.join(",") : value;
  return joined?.split(",").map((hop) => hop.trim()).filter(Boolean).at(-1);
}

/**
 * Rewrites the proxy headers of an incoming request in place.
 * - trustProxy false: X-Forwarded-For becomes the socket's peer address;
 *   X-Forwarded-Host/-Proto/-Port, X-Real-IP and Forwarded are removed.
 * - trustProxy true: X-Forwarded-For becomes its rightmost hop (the address
 *   our load balancer saw); X-Forwarded-Host/-Proto/-Port are kept.
 */
export function sanitiseForwardedHeaders(headers: IncomingHttpHeaders, remoteAddress: string | undefined, trustProxy: boolean): void {
  const peer = plainAddress(remoteAddress);
  const address = trustProxy ? (rightmostHop(headers["x-forwarded-for"]) ?? peer) : peer;
  for (const name of trustProxy ? alwaysRemoved : proxyOnly) delete headers[name];
  for (const name of nonceCarriers) delete headers[name];
  if (address) headers["x-forwarded-for"] = address.slice(0, 64);
  else delete headers["x-forwarded-for"];
}
