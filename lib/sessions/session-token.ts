import "server-only";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { getEnv } from "@/lib/env";

// next-auth's cookie names: the __Secure- one is used behind HTTPS.
const SECURE_COOKIE = "__Secure-authjs.session-token";
const PLAIN_COOKIE = "authjs.session-token";

export type SessionClaims = { userId: string; sessionId: string; email: string | null };

/**
 * The claims in this request's session cookie (signature and expiry checked,
 * nothing else): who the cookie says it is and which server-side session it
 * belongs to. Read-only, so unlike next-auth's auth() it can never re-issue a
 * cookie; whether the session is still alive is for the database to say.
 */
export async function readSessionClaims(): Promise<SessionClaims | null> {
  const jar = await cookies();
  const name = jar.getAll().some((cookie) => cookie.name === SECURE_COOKIE || cookie.name.startsWith(`${SECURE_COOKIE}.`))
    ? SECURE_COOKIE
    : PLAIN_COOKIE;
  // A large token is split into name.0, name.1, …; ours never is, but read it as next-auth writes it.
  const whole = jar.get(name)?.value;
  const value =
    whole ??
    jar
      .getAll()
      .filter((cookie) => cookie.name.startsWith(`${name}.`) && /^\d+$/.test(cookie.name.slice(name.length + 1)))
      .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)))
      .map((cookie) => cookie.value)
      .join("");
  if (!value) return null;
  try {
    const token = await decode({ token: value, secret: getEnv().AUTH_SECRET, salt: name });
    if (typeof token?.uid !== "string" || typeof token.sid !== "string") return null;
    return { userId: token.uid, sessionId: token.sid, email: typeof token.email === "string" ? token.email : null };
  } catch {
    return null;
  }
}
