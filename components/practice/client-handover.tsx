import type { TherapistIdentity } from "@/lib/auth/session";
import { listHandoverClinicians } from "@/lib/practice/handover";
import { ownerScope } from "@/lib/practice/members/owner";
import { HandoverForm } from "./handover-form";

/** The owner's "Hand over" form for a client's page; nothing for anyone else or an archived client. */
export async function ClientHandover({
  viewer,
  clientId,
  currentClinicianId,
  archived,
}: {
  viewer: TherapistIdentity;
  clientId: string;
  currentClinicianId: string;
  archived: boolean;
}) {
  if (viewer.practiceRole !== "OWNER" || archived) return null;
  const clinicians = await listHandoverClinicians(ownerScope(viewer));
  return <HandoverForm clientId={clientId} currentClinicianId={currentClinicianId} clinicians={clinicians} />;
}
