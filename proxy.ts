// Runs before every page request (and every Server Action, which posts to a
// page). Its jobs:
// 1. Refuse a Server Action from another site (403), one too large (413) or
//    one Trellis cannot read (400) before Next decodes it: Next's own checks
//    answer those with a 500.
// 2. A Content-Security-Policy with a fresh nonce on every page; the nonce
//    goes into the request's CSP header too, which is where Next reads it for
//    its own scripts. HSTS when the request came over HTTPS.
// 3. Turn a malformed URL (bad percent-encoding) into a 404 rather than
//    letting it crash parameter decoding with a 500.
// 4. An optimistic redirect for signed-out visitors. Real authorization
//    happens in every page, action and data function (lib/auth/session.ts);
//    a proxy check alone is never enough.
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import {
  declaresTooLarge,
  hasSameOrigin,
  isWellFormedFormReply,
  isWellFormedTextReply,
  MAX_BODY_BYTES,
  refusals,
  type Refusal,
} from "@/lib/http/action-request";
import { contentSecurityPolicy, createNonce, isHttpsRequest, STRICT_TRANSPORT_SECURITY } from "@/lib/http/security-headers";
import { getEnv } from "@/lib/env";

// Read-only on purpose: next-auth's own proxy wrapper re-issues the session
// cookie on every request, so a request still in flight while someone signs
// out (a link prefetch, say) could set the cookie again and undo the sign-out.
async function roleOf(request: NextRequest) {
  const secret = process.env.AUTH_SECRET;
  if (!secret) return undefined;
  // Behind HTTPS next-auth uses the __Secure- cookie name.
  const secureCookie = request.cookies.has("__Secure-authjs.session-token");
  const token = await getToken({ req: request, secret, secureCookie });
  return token?.role;
}

const therapistAreas = ["/dashboard", "/clients", "/review", "/assign", "/library", "/outbox", "/account"];
const signedInAreas = [...therapistAreas, "/portal"];

const within = (pathname: string, areas: string[]) =>
  areas.some((area) => pathname === area || pathname.startsWith(`${area}/`));

function isMalformed(pathname: string) {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/** Pages take no writes except Server Actions, so every other method here is one. */
async function refusalFor(request: NextRequest, trustProxy: boolean): Promise<Refusal | null> {
  if (safeMethods.has(request.method)) return null;
  if (!hasSameOrigin(request.headers, trustProxy)) return refusals.origin;
  if (declaresTooLarge(request.headers.get("content-length"))) return refusals.tooLarge;

  const isFetchAction = request.headers.has("next-action");
  const contentType = request.headers.get("content-type") ?? "";
  const isMultipart = contentType.toLowerCase().startsWith("multipart/form-data");
  // Other posts (a url-encoded form, say) are not decoded as actions by Next.
  if (!isFetchAction && !isMultipart) return null;

  const body = new Uint8Array(await request.clone().arrayBuffer());
  if (body.byteLength > MAX_BODY_BYTES) return refusals.tooLarge;
  if (!isMultipart) {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
    try {
      return isWellFormedTextReply(text.decode(body)) ? null : refusals.malformed;
    } catch {
      return refusals.malformed;
    }
  }
  try {
    const form = await new Response(body, { headers: { "content-type": contentType } }).formData();
    return isWellFormedFormReply(form, isFetchAction) ? null : refusals.malformed;
  } catch {
    return refusals.malformed;
  }
}

async function route(request: NextRequest, requestHeaders: Headers): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  const forward = { request: { headers: requestHeaders } };
  if (isMalformed(pathname)) return NextResponse.rewrite(new URL("/not-found-page", request.nextUrl), forward);
  if (!within(pathname, signedInAreas)) return NextResponse.next(forward);

  const role = await roleOf(request);
  if (!role) {
    const signIn = new URL("/sign-in", request.nextUrl);
    signIn.searchParams.set("next", pathname + search);
    return NextResponse.redirect(signIn);
  }
  if (role === "CLIENT" && within(pathname, therapistAreas)) return NextResponse.redirect(new URL("/portal", request.nextUrl));
  if (role === "THERAPIST" && within(pathname, ["/portal"])) return NextResponse.redirect(new URL("/dashboard", request.nextUrl));
  return NextResponse.next(forward);
}

export async function proxy(request: NextRequest) {
  const trustProxy = getEnv().TRUST_PROXY;
  const refusal = await refusalFor(request, trustProxy);
  if (refusal) {
    return new NextResponse(refusal.message, {
      status: refusal.status,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  }

  const policy = contentSecurityPolicy(createNonce(), { dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  const response = await route(request, requestHeaders);
  response.headers.set("Content-Security-Policy", policy);
  const https = isHttpsRequest({
    protocol: request.nextUrl.protocol,
    forwardedProto: request.headers.get("x-forwarded-proto"),
    trustProxy,
  });
  if (https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/).*)"],
};
