import "server-only";
import { recordEvent } from "@/lib/audit/record-event";
import { db } from "@/lib/db";
import { invalid, notFound } from "@/lib/errors";

/**
 * "Require two-step sign-in for therapists". Any therapist of the practice may
 * change it (a practice has one therapist today). Requiring it needs the
 * caller to have it on already, so nobody locks themselves into enrolment by
 * surprise.
 */
export async function setPracticeTwoFactorRequirement(
  caller: { therapistId: string; practiceId: string; address: string },
  required: boolean,
): Promise<{ changed: boolean }> {
  const therapist = await db.user.findFirst({
    // The practice's owner sets its policy; anyone else reads as not found.
    where: { id: caller.therapistId, practiceId: caller.practiceId, role: "THERAPIST", practiceRole: "OWNER" },
    select: { totpSecret: true, practice: { select: { requireTwoFactor: true } } },
  });
  if (!therapist) throw notFound();
  if (therapist.practice.requireTwoFactor === required) return { changed: false };
  if (required && !therapist.totpSecret) {
    throw invalid("Turn on two-step sign-in for yourself first, then require it for the practice.");
  }

  await db.$transaction(async (tx) => {
    await tx.practice.update({ where: { id: caller.practiceId }, data: { requireTwoFactor: required } });
    await recordEvent(tx, {
      practiceId: caller.practiceId,
      actorId: caller.therapistId,
      action: required ? "practice.two_factor_required" : "practice.two_factor_optional",
      subjectType: "practice",
      subjectId: caller.practiceId,
      address: caller.address,
    });
  });
  return { changed: true };
}
