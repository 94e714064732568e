"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { signedInAction, signedInCommand } from "@/lib/actions/define-action";
import type { ActionResult, FormState } from "@/lib/actions/result";
import type { Identity } from "@/lib/auth/session";
import { clientAddressFrom } from "@/lib/http/client-address";
import { endOtherSession, endOtherSessions } from "./end-sessions";

const handleSchema = z.object({ session: z.string().regex(/^[A-Za-z0-9_-]{22}$/) });

const accountPathOf = (identity: Identity) => (identity.role === "THERAPIST" ? "/account" : "/portal/account");

/** Ends one of the caller's other sessions (Account → "Where you're signed in"). */
export async function endSessionAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return endSession(formData);
}

const endSession = signedInAction(
  handleSchema,
  async ({ identity }, data): Promise<ActionResult> => {
    await endOtherSession(identity, data.session, clientAddressFrom(await headers()));
    revalidatePath(accountPathOf(identity));
    return { ok: true, message: "That device is signed out." };
  },
  {
    input: (formData) => ({ session: formData.get("session") }),
    invalid: () => ({ ok: false, message: "We couldn't find that session. It may have ended already.", fieldErrors: {} }),
  },
);

/** Ends every session of the caller except the one making this request. */
export async function endOtherSessionsAction(): Promise<ActionResult> {
  return endOthers();
}

const endOthers = signedInCommand(async ({ identity }): Promise<ActionResult> => {
  const count = await endOtherSessions(identity, clientAddressFrom(await headers()));
  revalidatePath(accountPathOf(identity));
  return { ok: true, message: count === 1 ? "1 other device is signed out." : `${count} other devices are signed out.` };
});
