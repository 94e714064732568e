// The rule for an invitation link, without next/headers, so code that also
// runs outside a request (scripts, Playwright fixtures) can use it too.

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
