// The part of the next-auth configuration that needs no database; the
// callbacks that check the server-side session live in ./auth.ts.
import type { NextAuthConfig } from "next-auth";
import type { Role } from "@/lib/generated/prisma/enums";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: Role; name: string; email: string };
  }
  interface User {
    role: Role;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    uid?: string;
    role?: Role;
    /** The AuthSession id this cookie belongs to. */
    sid?: string;
    /** The session's absolute end, in seconds since the epoch: no token outlives it. */
    sxp?: number;
  }
}

export const authConfig = {
  trustHost: true,
  pages: { signIn: "/sign-in", error: "/sign-in" },
  session: { strategy: "jwt" },
  providers: [],
} satisfies NextAuthConfig;
