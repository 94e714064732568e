// A signed-in therapist as plain fetch sees it: next-auth's credentials
// sign-in by API (as e2e/support/auth.ts does in Playwright), a cookie jar,
// and timed page loads measured to the last byte of the body.

export class Session {
  private readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  private remember(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const at = pair!.indexOf("=");
      if (at > 0) this.cookies.set(pair!.slice(0, at).trim(), pair!.slice(at + 1).trim());
    }
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  async signIn(email: string, password: string) {
    const csrf = await fetch(`${this.baseUrl}/api/auth/csrf`, { headers: { cookie: this.cookieHeader() } });
    if (!csrf.ok) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
    this.remember(csrf);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const response = await fetch(`${this.baseUrl}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: this.cookieHeader() },
      body: new URLSearchParams({ email, password, csrfToken, callbackUrl: "/" }),
      redirect: "manual",
    });
    await response.arrayBuffer();
    this.remember(response);
    const location = response.headers.get("location") ?? "";
    // Success and failure are both redirects; a failure points at the sign-in page with ?error=.
    if (response.status !== 302 || /[?&]error=/.test(location) || !this.cookies.has("authjs.session-token")) {
      throw new Error(`Signing in as ${email} failed (${response.status} → ${location})`);
    }
  }

  /** Any request with this session's cookies (and any cookie it sets kept); the caller reads the body. */
  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set("cookie", this.cookieHeader());
    const response = await fetch(`${this.baseUrl}${path}`, { redirect: "manual", ...init, headers });
    this.remember(response);
    return response;
  }

  /** Loads a page; the time runs from sending the request to the end of the (streamed) body. */
  async timedGet(path: string): Promise<{ status: number; ms: number; bytes: number; location: string | null }> {
    const started = performance.now();
    const response = await fetch(`${this.baseUrl}${path}`, { headers: { cookie: this.cookieHeader() }, redirect: "manual" });
    const body = await response.arrayBuffer();
    const ms = performance.now() - started;
    return { status: response.status, ms, bytes: body.byteLength, location: response.headers.get("location") };
  }
}
