// Runs before every page request. Two jobs:
// 1. Turn a malformed URL (bad percent-encoding) into a 404 rather than
//    letting it crash parameter decoding with a 500.
// 2. An optimistic redirect for signed-out visitors. Real authorization
//    happens in every page, action and data function (lib/auth/session.ts);
//    a proxy check alone is never enough.
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";

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

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (isMalformed(pathname)) return NextResponse.rewrite(new URL("/not-found-page", request.nextUrl));
  if (!within(pathname, signedInAreas)) return NextResponse.next();

  const role = await roleOf(request);
  if (!role) {
    const signIn = new URL("/sign-in", request.nextUrl);
    signIn.searchParams.set("next", pathname + search);
    return NextResponse.redirect(signIn);
  }
  if (role === "CLIENT" && within(pathname, therapistAreas)) return NextResponse.redirect(new URL("/portal", request.nextUrl));
  if (role === "THERAPIST" && within(pathname, ["/portal"])) return NextResponse.redirect(new URL("/dashboard", request.nextUrl));
  return NextResponse.next();
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/).*)"],
};
