import "server-only";
import NextAuth from "next-auth";
import { encode } from "next-auth/jwt";
import Credentials from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { getEnv } from "@/lib/env";
import { clientAddressFrom } from "@/lib/http/client-address";
import { createAuthSession } from "@/lib/sessions/create-session";
import { findLiveSession } from "@/lib/sessions/find-live-session";
import { authenticate } from "./authenticate";
import { authConfig } from "./config";
import { log } from "@/lib/log/logger";

const nowInSeconds = () => Math.floor(Date.now() / 1000);

export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const maxAge = getEnv().SESSION_MAX_HOURS * 60 * 60;
  return {
    ...authConfig,
    secret: getEnv().AUTH_SECRET,
    session: { strategy: "jwt", maxAge },
    jwt: {
      // next-auth re-signs the token with a fresh expiry whenever it reads the
      // session (GET /api/auth/session); never past the session's absolute end.
      encode: (params) => {
        const end = params.token?.sxp;
        const left = typeof end === "number" ? Math.max(1, end - nowInSeconds()) : maxAge;
        return encode({ ...params, maxAge: Math.min(params.maxAge ?? maxAge, left) });
      },
    },
    // next-auth prints a stack trace for every refused sign-in, which is an
    // expected outcome (and already in the audit trail): those are dropped;
    // anything else goes to the structured log without its message details.
    logger: {
      error(error) {
        // Our own refusals (TooManyAttempts, SecondFactorRequired) inherit this type.
        if ((error as { type?: string }).type === "CredentialsSignin") return;
        log.error({ err: error, source: "next-auth" }, "authentication error");
      },
      warn(code) {
        log.warn({ code, source: "next-auth" }, "authentication warning");
      },
      debug() {},
    },
    providers: [
      Credentials({
        credentials: { email: {}, password: {}, code: {} },
        authorize: (credentials, request) => authenticate(credentials, clientAddressFrom(request.headers)),
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user?.id) {
          // A new sign-in: open its server-side session.
          const requestHeaders = await headers();
          const session = await createAuthSession({
            userId: user.id,
            userAgent: requestHeaders.get("user-agent"),
            address: clientAddressFrom(requestHeaders),
          });
          return {
            ...token,
            uid: user.id,
            role: user.role,
            sid: session.id,
            sxp: Math.floor(session.expiresAt.getTime() / 1000),
          };
        }
        // An existing cookie being read back: a revoked, expired or idle
        // session answers null, and next-auth clears the cookie instead of
        // re-issuing it. Reading it is not activity, so lastSeenAt stays.
        if (!token.uid || !token.sid) return null;
        const live = await findLiveSession(token.sid, token.uid, { touch: false });
        return live ? { ...token, sxp: Math.floor(live.expiresAt.getTime() / 1000) } : null;
      },
      session({ session, token }) {
        if (token.uid && token.role) {
          session.user.id = token.uid;
          session.user.role = token.role;
        }
        return session;
      },
    },
  };
});
