// Requests as a browser sends them, and what their answers mean for the matrix.
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { NOT_FOUND_MESSAGE } from "@/lib/errors";
import { HOME, type ActorName } from "./world";

// The digest notFound() leaves in the page and in its flight data (the
// not-found heading itself is in every page's payload, as the fallback).
const NOT_FOUND_DIGEST = "NEXT_HTTP_ERROR_FALLBACK;404";

export type Answer = { status: number; outcome: string; body: string; detail: string };

/** Fills "[name]" segments of a route pattern ("[...name]" needs an explicit path in its row). */
export function fillRoute(route: string, values: Record<string, string>): string {
  return route.replace(/\[([^\]]+)\]/g, (segment, name: string) => {
    const value = values[name];
    if (name.startsWith("...") || value === undefined) throw new Error(`No value for ${segment} in ${route}: add one in world.ts segmentValues`);
    return encodeURIComponent(value);
  });
}

function redirectOutcome(actor: ActorName, target: string): string {
  const url = new URL(target, "http://matrix.invalid");
  if (url.host !== "matrix.invalid" && !/^https?:\/\/127\.0\.0\.1(:\d+)?\//.test(target)) return `redirect off-site ${target}`;
  if (url.pathname === "/sign-in") return "redirect-sign-in";
  if (url.pathname === HOME[actor] && !url.search) return "redirect-home";
  return `redirect ${url.pathname}${url.search}`;
}

// A redirect thrown after a page began streaming arrives as this tag, and in
// flight data as the redirect's digest.
const PAGE_REDIRECT = /<meta id="__next-page-redirect" http-equiv="refresh" content="\d+;url=([^"]+)"/;
const FLIGHT_REDIRECT = /NEXT_REDIRECT;(?:replace|push);([^;"]+);30[378];/;

async function read(response: APIResponse): Promise<string> {
  return response.text().catch(() => "");
}

function unescapeHtml(text: string): string {
  return text.replaceAll("&amp;", "&").replaceAll("&quot;", '"').replaceAll("&#x27;", "'");
}

/** ok · redirect-sign-in · redirect-home · not-found, or what else happened. */
export async function requestPage(request: APIRequestContext, actor: ActorName, path: string, options: { flight?: boolean } = {}): Promise<Answer> {
  // Flight data as the router asks for it; "_rsc" is the cache-busting parameter Next requires with the RSC header.
  const url = options.flight ? `${path}${path.includes("?") ? "&" : "?"}_rsc=` : path;
  const response = await request.get(url, { maxRedirects: 0, headers: options.flight ? { RSC: "1" } : {} });
  const body = await read(response);
  const status = response.status();
  const detail = `GET ${path}${options.flight ? " (RSC)" : ""} → ${status}`;
  if (status >= 500) return { status, outcome: `${status}`, body, detail };
  if (status >= 300 && status < 400) return { status, outcome: redirectOutcome(actor, response.headers()["location"] ?? ""), body, detail };
  const streamedRedirect = PAGE_REDIRECT.exec(body) ?? (options.flight ? FLIGHT_REDIRECT.exec(body) : null);
  if (streamedRedirect) return { status, outcome: redirectOutcome(actor, unescapeHtml(streamedRedirect[1]!)), body, detail };
  if (body.includes(NOT_FOUND_DIGEST)) return { status, outcome: "not-found", body, detail };
  if (status === 200) return { status, outcome: "ok", body, detail };
  return { status, outcome: `${status}`, body, detail };
}

export type RouteCall = { method: "GET" | "POST"; path: string; headers?: Record<string, string>; form?: Record<string, string> };

const ROUTE_OUTCOMES: Record<number, string> = { 400: "bad-request", 401: "unauthorized", 403: "forbidden", 404: "not-found", 405: "method-not-allowed" };

/** ok (2xx) · redirect · unauthorized · not-found · bad-request … by status: route handlers answer with codes, not pages. */
export async function requestRoute(request: APIRequestContext, call: RouteCall): Promise<Answer> {
  const response = await request.fetch(call.path, { method: call.method, headers: call.headers, form: call.form, maxRedirects: 0 });
  const body = await read(response);
  const status = response.status();
  const outcome = status < 300 ? "ok" : status < 400 ? "redirect" : (ROUTE_OUTCOMES[status] ?? `${status}`);
  return { status, outcome, body, detail: `${call.method} ${call.path} → ${status}` };
}

/** A Server Action's arguments: form fields (the browser's FormData) or plain values (React's JSON reply). */
export type ActionCall = { form: Record<string, string | string[]> } | { args: unknown[] };

export type ActionRequest = {
  actionId: string;
  /** The page it is posted to, as the browser does from that page. */
  path: string;
  call: ActionCall;
  /** (state, formData) for forms driven by useActionState; (formData) for plain form actions. */
  previousState: boolean;
  origin: string;
};

/** The body React sends for these arguments: a multipart reply whose row 0 refers to the FormData, or one JSON row. */
function encodeReply(call: ActionCall, previousState: boolean): { multipart: FormData } | { data: string; contentType: string } {
  if ("args" in call) return { data: JSON.stringify(call.args), contentType: "text/plain;charset=UTF-8" };
  const body = new FormData();
  for (const [name, value] of Object.entries(call.form)) {
    for (const item of [value].flat()) body.append(`_1_${name}`, item);
  }
  body.append("0", JSON.stringify(previousState ? [null, "$K1"] : ["$K1"]));
  return { multipart: body };
}

/**
 * ok · redirect-sign-in · redirect-home · not-found (the one message for
 * missing and forbidden, or the portal's "no longer open" notice) · refused
 * (another ok:false) · done (nothing to tell: the action returns nothing).
 */
export async function callAction(request: APIRequestContext, actor: ActorName, action: ActionRequest): Promise<Answer> {
  const encoded = encodeReply(action.call, action.previousState);
  const headers: Record<string, string> = { "Next-Action": action.actionId, Origin: action.origin, Accept: "text/x-component" };
  if ("data" in encoded) headers["Content-Type"] = encoded.contentType;
  const response = await request.post(action.path, {
    headers,
    maxRedirects: 0,
    ...("data" in encoded ? { data: encoded.data } : { multipart: encoded.multipart }),
  });
  const body = await read(response);
  const status = response.status();
  const detail = `POST ${action.path} (action ${action.actionId.slice(0, 8)}…) → ${status}`;
  const answer = (outcome: string) => ({ status, outcome, body, detail });
  if (status >= 500) return answer(`${status}`);
  if (status >= 300 && status < 400) return answer(redirectOutcome(actor, response.headers()["location"] ?? ""));
  if (status !== 200) return answer(`${status}`);
  const actionRedirect = response.headers()["x-action-redirect"];
  if (actionRedirect) {
    const target = actionRedirect.split(";")[0]!;
    // The portal's "That item is no longer open" notice: a log entry that isn't (or isn't yours) to start.
    if (target === "/portal?closed=1") return answer("not-found");
    const outcome = redirectOutcome(actor, target);
    // Any other redirect within the site is where a successful action sends the person next.
    return answer(outcome.startsWith("redirect /") ? "ok" : outcome);
  }
  if (body.includes(JSON.stringify(NOT_FOUND_MESSAGE).slice(1, -1))) return answer("not-found");
  if (/"ok":false/.test(body)) return answer("refused");
  if (/"ok":true/.test(body)) return answer("ok");
  return answer("done");
}

/** Runs tasks with at most `limit` at a time (two CPU cores serve every request). */
export async function pool<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
