import { expect, type APIRequestContext } from "@playwright/test";

/**
 * Signs in through next-auth's credentials endpoint, as the sign-in form
 * does, without the UI. The session cookie lands in the browser context that
 * owns `request` (use `page.request` or `context.request`).
 */
export async function signInByApi(
  request: APIRequestContext,
  credentials: { email: string; password: string; code?: string },
) {
  const csrf = await request.get("/api/auth/csrf");
  expect(csrf.ok(), "GET /api/auth/csrf").toBe(true);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };

  const response = await request.post("/api/auth/callback/credentials", {
    form: {
      email: credentials.email,
      password: credentials.password,
      // A TOTP or recovery code, for an account with two-step sign-in.
      ...(credentials.code ? { code: credentials.code } : {}),
      csrfToken,
      callbackUrl: "/",
    },
    maxRedirects: 0,
  });
  // Success and failure are both redirects; a failure points at the sign-in page with ?error=.
  expect(response.status(), "credentials callback status").toBe(302);
  const location = response.headers()["location"] ?? "";
  expect(location, `sign-in as ${credentials.email} was refused`).not.toMatch(/[?&]error=/);
  const cookies = await request.storageState();
  expect(cookies.cookies.map((cookie) => cookie.name), "session cookie after sign-in").toContain("authjs.session-token");
}
