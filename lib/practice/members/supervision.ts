import "server-only";
import { recordEvent } from "@/lib/audit/record-event";
import { db } from "@/lib/db";
import { invalid, notFound } from "@/lib/errors";
import { lockOwner, type OwnerScope } from "./owner";

/**
 * Sets which clinicians a supervisor supervises (replacing the earlier
 * choice). Everyone named must be an active member of this practice: the
 * supervisor a SUPERVISOR, the clinicians people who treat clients.
 */
export async function setSupervisees(scope: OwnerScope, supervisorId: string, clinicianIds: string[], address: string | null = null) {
  const wanted = [...new Set(clinicianIds)];
  await db.$transaction(async (tx) => {
    await lockOwner(tx, scope);
    const supervisor = await tx.user.findFirst({
      where: { id: supervisorId, practiceId: scope.practiceId, role: "THERAPIST", practiceRole: "SUPERVISOR", deactivatedAt: null },
      select: { id: true },
    });
    if (!supervisor) throw notFound();
    const clinicians = await tx.user.count({
      where: { id: { in: wanted }, practiceId: scope.practiceId, role: "THERAPIST", practiceRole: { in: ["OWNER", "CLINICIAN"] }, deactivatedAt: null },
    });
    if (clinicians !== wanted.length) {
      throw invalid("Choose clinicians of this practice.", { clinicianIds: ["Choose clinicians from the list."] });
    }
    await tx.supervision.deleteMany({ where: { supervisorId, practiceId: scope.practiceId, clinicianId: { notIn: wanted } } });
    await tx.supervision.createMany({
      data: wanted.map((clinicianId) => ({ supervisorId, clinicianId, practiceId: scope.practiceId })),
      skipDuplicates: true,
    });
    await recordEvent(tx, {
      practiceId: scope.practiceId,
      actorId: scope.ownerId,
      action: "supervision.changed",
      subjectType: "User",
      subjectId: supervisorId,
      address,
      metadata: { clinicians: String(wanted.length) },
    });
  });
}
