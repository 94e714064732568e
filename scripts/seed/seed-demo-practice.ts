// Builds the demo practice through the app's own functions, so the demo
// exercises the same code paths (and rules) as real use.
import { createTherapistAccount } from "@/lib/accounts/create-therapist-account";
import { addClient } from "@/lib/clients/add-client";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";
import { db } from "@/lib/db";
import { DEMO_CLIENTS, DEMO_PASSWORD, DEMO_THERAPIST } from "./demo-accounts";

export async function demoPracticeExists(): Promise<boolean> {
  return (await db.user.count({ where: { email: DEMO_THERAPIST.email } })) > 0;
}

export async function seedDemoPractice() {
  const therapist = await createTherapistAccount({ ...DEMO_THERAPIST, password: DEMO_PASSWORD });
  const scope = { therapistId: therapist.id, practiceId: therapist.practiceId };
  for (const client of DEMO_CLIENTS) {
    const { invitation } = await addClient(scope, client);
    if (client.joins) await acceptInvitation({ token: invitation.token, password: DEMO_PASSWORD });
  }
  return { therapistId: therapist.id };
}
