// The Content-Security-Policy and Strict-Transport-Security that proxy.ts puts
// on every page. Pure functions, so they can be tested without a server.

/** HSTS for two years, subdomains included; sent only over HTTPS (browsers ignore it otherwise). */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/** A fresh, unguessable nonce (128 random bits, base64) for one response. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The policy for one page. Scripts run only with this response's nonce (and
 * what they load, through 'strict-dynamic'); nothing may frame the page,
 * change its base URL or post its forms elsewhere. Inline styles stay allowed:
 * React and the charts set style attributes, which a nonce cannot cover.
 * In development React's tooling needs eval.
 */
export function contentSecurityPolicy(nonce: string, { dev = false }: { dev?: boolean } = {}): string {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(nonce)) throw new Error("A CSP nonce must be base64");
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "connect-src 'self'",
  ];
  return directives.join("; ");
}

/**
 * Whether a request reached us over HTTPS: its own URL says so, or (only
 * behind a trusted proxy) the proxy's X-Forwarded-Proto does.
 */
export function isHttpsRequest({
  protocol,
  forwardedProto,
  trustProxy,
}: {
  protocol: string;
  forwardedProto: string | null;
  trustProxy: boolean;
}): boolean {
  if (protocol === "https:") return true;
  if (!trustProxy || !forwardedProto) return false;
  return forwardedProto.split(",")[0]!.trim().toLowerCase() === "https";
}
