// The address of the person making a request, for rate limits and the audit
// trail. Trellis's own server (scripts/server/…) overwrites X-Forwarded-For
// with exactly one address before the app sees the request: the socket's
// peer, or with TRUST_PROXY=1 the hop our own load balancer appended. So the
// app can read it without trusting anything a browser sent.
type HeaderSource = { get(name: string): string | null };

export function clientAddressFrom(headers: HeaderSource): string {
  const hops = headers.get("x-forwarded-for")?.split(",").map((hop) => hop.trim()).filter(Boolean) ?? [];
  return (hops.at(-1) || "local").slice(0, 64);
}
