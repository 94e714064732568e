// Headers and what the server believes of a request: the CSP nonce on every
// page, proxy headers a browser cannot forge, and Server Actions refused with
// 403 / 400 / 413 (never a 500) when they come from elsewhere or cannot be read.
import http from "node:http";
import type { APIRequestContext, Page, Request } from "@playwright/test";
import { signInByApi } from "./support/auth";
import { createActiveClient, createTherapist, PASSWORD, uniqueEmail } from "./support/factories";
import { expect, test } from "./support/fixtures";
import { signInPairLimit } from "@/lib/auth/sign-in-throttle";

const NONCE = /script-src 'self' 'nonce-([A-Za-z0-9+/]+={0,2})' 'strict-dynamic'/;

/** Records CSP violations the page reports, from before its first script runs. */
async function watchViolations(page: Page): Promise<string[]> {
  const refused: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      // Where, too: which page and which script asked for it.
      console.error(
        `Refused to load (CSP ${event.violatedDirective}): ${event.blockedURI} on ${location.pathname} (${event.sourceFile || "inline"}:${event.lineNumber})`,
      );
    });
  });
  return refused;
}

/** Opens a page and checks its policy: a fresh nonce that every script in the HTML carries. */
async function expectNonceOnEveryScript(page: Page, path: string, seen: Set<string>) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  const policy = (await response!.headerValue("content-security-policy")) ?? "";
  for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "default-src 'self'"]) {
    expect(policy, `${path}: ${directive}`).toContain(directive);
  }
  const nonce = NONCE.exec(policy)?.[1];
  expect(nonce, `${path}: a nonce in script-src`).toBeTruthy();
  expect(seen.has(nonce!), `${path}: the nonce is new for every response`).toBe(false);
  seen.add(nonce!);

  const html = await response!.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length, `${path}: the page has scripts`).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, `${path}: every script carries the nonce`).toContain(`nonce="${nonce}"`);
  expect(await response!.headerValue("strict-transport-security"), `${path}: no HSTS over plain HTTP`).toBeNull();
  // Hydrated: the app's scripts ran under the policy.
  await page.waitForLoadState("networkidle");
}

test("every page carries a CSP whose nonce is on every script, and nothing is refused", async ({ page, newPage }) => {
  const therapist = await createTherapist();
  const client = await createActiveClient(therapist);
  const seen = new Set<string>();

  const refused = await watchViolations(page);
  for (const path of ["/sign-in", "/sign-up"]) await expectNonceOnEveryScript(page, path, seen);
  await signInByApi(page.request, therapist);
  for (const path of [
    "/dashboard",
    "/clients",
    `/clients/${client.id}`,
    `/clients/${client.id}/progress`,
    "/review",
    "/library",
    "/outbox",
    "/account",
  ]) {
    await expectNonceOnEveryScript(page, path, seen);
  }
  // A client-side navigation after hydration.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Clients/ }).click();
  await expect(page).toHaveURL(/\/clients$/);

  const portal = await newPage();
  const portalRefused = await watchViolations(portal);
  await signInByApi(portal.request, { email: client.email, password: client.password });
  for (const path of ["/portal", "/portal/account"]) await expectNonceOnEveryScript(portal, path, seen);

  expect([...refused, ...portalRefused], "no CSP violations").toEqual([]);
});

test("a forged X-Forwarded-For does not dodge the sign-in limit, and the form works under the CSP", async ({ page }) => {
  const therapist = await createTherapist();
  const refused = await watchViolations(page);
  await page.goto("/sign-in");

  const attempt = async (password: string, round: number) => {
    // A new address every time, as a sprayer would claim.
    await page.setExtraHTTPHeaders({ "x-forwarded-for": `203.0.113.${round}`, "x-real-ip": `198.51.100.${round}` });
    await page.getByLabel("Email").fill(therapist.email);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
  };

  for (let round = 1; round <= signInPairLimit.limit; round++) {
    await attempt("not the password", round);
    await expect(page.getByRole("alert").filter({ hasText: /don’t match an account/ }), `wrong password ${round}`).toBeVisible();
    // The next round must see a new message appear.
    await page.reload();
  }
  // The right password, from yet another claimed address: still this socket's address, which used up its attempts.
  await attempt(therapist.password, signInPairLimit.limit + 1);
  await expect(page.getByRole("alert").filter({ hasText: /Too many attempts/ })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
  expect(refused).toEqual([]);
});

type CapturedAction = { url: string; headers: Record<string, string>; body: Buffer };

/** Submits the sign-in form once and keeps the Server Action request the browser sent. */
async function captureSignInAction(page: Page): Promise<CapturedAction> {
  await page.goto("/sign-in");
  const sent = page.waitForRequest((request: Request) => request.method() === "POST" && Boolean(request.headers()["next-action"]));
  await page.getByLabel("Email").fill(uniqueEmail("nobody"));
  await page.getByLabel("Password", { exact: true }).fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  const request = await sent;
  const headers = await request.allHeaders();
  const kept = ["content-type", "next-action", "next-router-state-tree", "accept", "origin"];
  return {
    url: request.url(),
    headers: Object.fromEntries(kept.filter((name) => headers[name]).map((name) => [name, headers[name]!])),
    body: request.postDataBuffer()!,
  };
}

async function replay(request: APIRequestContext, action: CapturedAction, change: { headers?: Record<string, string | undefined>; body?: Buffer | string }) {
  const headers = { ...action.headers, ...change.headers };
  for (const [name, value] of Object.entries(headers)) if (value === undefined) delete headers[name];
  const response = await request.post(action.url, { headers: headers as Record<string, string>, data: change.body ?? action.body, maxRedirects: 0 });
  return { status: response.status(), text: await response.text() };
}

test("Server Actions from elsewhere answer 403, unreadable ones 400, oversized ones 413", async ({ page, baseURL }) => {
  const action = await captureSignInAction(page);
  expect(action.headers["origin"]).toBe(new URL(baseURL!).origin);
  const request = page.request;

  // The unaltered request goes through: the checks below refuse only what they should.
  expect((await replay(request, action, {})).status).toBe(200);

  // Origin.
  expect(await replay(request, action, { headers: { origin: "https://evil.example" } })).toMatchObject({ status: 403 });
  expect((await replay(request, action, { headers: { origin: "null" } })).status).toBe(403);
  expect((await replay(request, action, { headers: { origin: undefined } })).status).toBe(403);
  // X-Forwarded-Host is not believed without a configured proxy, so it cannot vouch for a foreign Origin.
  expect((await replay(request, action, { headers: { origin: "https://evil.example", "x-forwarded-host": "evil.example" } })).status).toBe(403);

  // Bodies that cannot be read.
  const truncated = action.body.subarray(0, Math.floor(action.body.length / 2));
  expect((await replay(request, action, { body: truncated })).status).toBe(400);
  const text = { "content-type": "text/plain;charset=UTF-8" };
  expect((await replay(request, action, { headers: text, body: '[null,"$K1",{"a":' })).status).toBe(400);
  expect((await replay(request, action, { headers: text, body: "[".repeat(10_000) + "]".repeat(10_000) })).status).toBe(400);
  expect((await replay(request, action, { headers: text, body: '[null,"$Q9"]' })).status).toBe(400);
  expect((await replay(request, action, { headers: { "content-type": "application/json" }, body: "{not json" })).status).toBe(400);
  const deepForm = Buffer.from(action.body.toString("latin1").replace(/\[null,"\$K1"\]/, "[".repeat(10_000) + "]".repeat(10_000)), "latin1");
  expect(deepForm.length).toBeGreaterThan(20_000);
  expect((await replay(request, action, { body: deepForm })).status).toBe(400);
  // A form posted without JavaScript, cut short.
  expect((await replay(request, action, { headers: { "next-action": undefined }, body: truncated })).status).toBe(400);

  // Too large: declared, and streamed without a length.
  const tooLarge = await replay(request, action, { body: Buffer.alloc(10 * 1024 * 1024, "a") });
  expect(tooLarge.status).toBe(413);
  expect(tooLarge.text).toMatch(/more than Trellis accepts/);
  expect(await postChunked(action, 2 * 1024 * 1024)).toBe(413);
});

/** POSTs `size` bytes with Transfer-Encoding: chunked (no Content-Length) and returns the status. */
function postChunked(action: CapturedAction, size: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const target = new URL(action.url);
    const outgoing = http.request(
      { host: target.hostname, port: target.port, path: target.pathname, method: "POST", headers: { ...action.headers, "transfer-encoding": "chunked" } },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    outgoing.on("error", reject);
    const chunk = Buffer.alloc(64 * 1024, "b");
    for (let sent = 0; sent < size; sent += chunk.length) outgoing.write(chunk);
    outgoing.end();
  });
}

test("X-Forwarded-Host neither changes an invitation link nor passes the Origin check", async ({ page, baseURL }) => {
  const therapist = await createTherapist();
  await signInByApi(page.request, therapist);
  await page.setExtraHTTPHeaders({ "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
  await page.goto("/clients");

  const form = page.getByRole("form", { name: "Add a client" });
  await form.getByLabel("Name", { exact: true }).fill("Casey Forwarded");
  await form.getByLabel("Email").fill(uniqueEmail("client"));
  await form.getByRole("button", { name: "Add client and create link" }).click();
  const link = await page.getByTestId("invitation-link").inputValue();
  expect(new URL(link).origin).toBe(new URL(baseURL!).origin);
  expect(link).not.toContain("evil.example");

  // A forged X-Forwarded-Proto is not believed either: no HSTS over plain HTTP.
  const response = await page.request.get("/clients", { headers: { "x-forwarded-proto": "https" } });
  expect(response.headers()["strict-transport-security"]).toBeUndefined();
  expect(response.headers()["content-security-policy"]).toMatch(NONCE);
});

test("signing in through the form works under the CSP", async ({ page }) => {
  const refused = await watchViolations(page);
  const therapist = await createTherapist();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(therapist.email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  expect(refused).toEqual([]);
});
