import "server-only";
import { notFound } from "next/navigation";
import { requireTherapist, type TherapistIdentity } from "@/lib/auth/session";

/** For the owner's pages: anyone else gets the not-found page (as for any page they may not see). */
export async function requireOwnerPage(): Promise<TherapistIdentity> {
  const identity = await requireTherapist();
  if (identity.practiceRole !== "OWNER") notFound();
  return identity;
}
