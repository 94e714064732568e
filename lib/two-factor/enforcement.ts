import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db";

export const TWO_FACTOR_ENROLMENT_PATH = "/account/two-factor";

/** True for a therapist whose practice requires two-step sign-in and who has not set it up yet. Cached per request. */
export const mustEnrolTwoFactor = cache(async (userId: string): Promise<boolean> => {
  const count = await db.user.count({
    where: { id: userId, role: "THERAPIST", totpSecret: null, practice: { requireTwoFactor: true } },
  });
  return count > 0;
});

/**
 * Called by requireTherapist(): until such a therapist has set up two-step
 * sign-in, every page and Server Action behind requireTherapist sends them to
 * the enrolment page instead (that page and its actions check the session
 * themselves, without requireTherapist).
 */
export async function requireTwoFactorEnrolment(identity: { role: string; userId: string }): Promise<void> {
  if (identity.role === "THERAPIST" && (await mustEnrolTwoFactor(identity.userId))) redirect(TWO_FACTOR_ENROLMENT_PATH);
}
