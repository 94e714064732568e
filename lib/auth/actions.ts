"use server";

import { headers } from "next/headers";
import { clientAddressFrom } from "@/lib/http/client-address";
import { endCurrentSession } from "@/lib/sessions/end-sessions";
import { signOut } from "./auth";
import { getIdentity } from "./session";

/**
 * Ends the server-side session first, so the cookie is dead everywhere even
 * if a copy of it survives (another tab's request in flight, a stolen copy),
 * then lets next-auth clear the cookie in this browser.
 */
export async function signOutAction() {
  const identity = await getIdentity();
  if (identity) await endCurrentSession(identity, clientAddressFrom(await headers()));
  await signOut({ redirectTo: "/sign-in" });
}
