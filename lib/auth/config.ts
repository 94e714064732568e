// The part of the next-auth configuration that needs no database, shared by
// the proxy (an optimistic redirect) and the full setup in ./auth.ts.
import type { NextAuthConfig } from "next-auth";
import type { Role } from "@/lib/generated/prisma/enums";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: Role; sessionVersion: number; name: string; email: string };
  }
  interface User {
    role: Role;
    sessionVersion: number;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    uid?: string;
    role?: Role;
    sv?: number;
  }
}

export const authConfig = {
  trustHost: true,
  pages: { signIn: "/sign-in", error: "/sign-in" },
  // Clinical data: a session lasts at most 12 hours, then the person signs in again.
  session: { strategy: "jwt", maxAge: 12 * 60 * 60, updateAge: 30 * 60 },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.uid = user.id;
        token.role = user.role;
        token.sv = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      if (token.uid && token.role && token.sv !== undefined) {
        session.user.id = token.uid;
        session.user.role = token.role;
        session.user.sessionVersion = token.sv;
      }
      return session;
    },
  },
} satisfies NextAuthConfig;
