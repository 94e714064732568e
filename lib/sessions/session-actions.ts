"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { failureFrom, type ActionResult, type FormState } from "@/lib/actions/result";
import { getIdentity, type Identity } from "@/lib/auth/session";
import { clientAddressFrom } from "@/lib/http/client-address";
import { endOtherSession, endOtherSessions } from "./end-sessions";

const handleSchema = z.object({ session: z.string().regex(/^[A-Za-z0-9_-]{22}$/) });

const accountPathOf = (identity: Identity) => (identity.role === "THERAPIST" ? "/account" : "/portal/account");

async function signedInCaller() {
  const identity = await getIdentity();
  if (!identity) redirect("/sign-in?reason=signed-out");
  return identity;
}

/** Ends one of the caller's other sessions (Account → "Where you're signed in"). */
export async function endSessionAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  const identity = await signedInCaller();
  const parsed = handleSchema.safeParse({ session: formData.get("session") });
  if (!parsed.success) return { ok: false, message: "We couldn't find that session. It may have ended already.", fieldErrors: {} };
  try {
    await endOtherSession(identity, parsed.data.session, clientAddressFrom(await headers()));
  } catch (error) {
    return failureFrom(error);
  }
  revalidatePath(accountPathOf(identity));
  return { ok: true, message: "That device is signed out." };
}

/** Ends every session of the caller except the one making this request. */
export async function endOtherSessionsAction(): Promise<ActionResult> {
  const identity = await signedInCaller();
  const count = await endOtherSessions(identity, clientAddressFrom(await headers()));
  revalidatePath(accountPathOf(identity));
  return { ok: true, message: count === 1 ? "1 other device is signed out." : `${count} other devices are signed out.` };
}
