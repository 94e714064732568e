import "server-only";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getEnv } from "@/lib/env";
import { authenticate } from "./authenticate";
import { authConfig } from "./config";

// The rightmost X-Forwarded-For entry is the one our own load balancer
// appended; entries to its left come from the browser and can be forged,
// which would let a password sprayer dodge the per-address limit.
function clientAddress(request: Request): string {
  const hops = request.headers.get("x-forwarded-for")?.split(",").map((hop) => hop.trim()).filter(Boolean) ?? [];
  return hops.at(-1) || request.headers.get("x-real-ip") || "local";
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...authConfig,
  secret: getEnv().AUTH_SECRET,
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      authorize: (credentials, request) => authenticate(credentials, clientAddress(request)),
    }),
  ],
}));
