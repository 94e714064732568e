// Builds the demo practice through the app's own functions, so the demo
// exercises the same code paths (and rules) as real use.
import { createTherapistAccount } from "@/lib/accounts/create-therapist-account";
import { addClient } from "@/lib/clients/add-client";
import { linkPartners } from "@/lib/clients/link-partners";
import { setEntrySharing } from "@/lib/couples/share-entry";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";
import { db } from "@/lib/db";
import { DEMO_CLIENTS, DEMO_PASSWORD, DEMO_THERAPIST } from "./demo-accounts";
import { seedDemoColleagues } from "./demo-colleagues";
import { seedDemoHistory } from "./demo-history";

export async function demoPracticeExists(): Promise<boolean> {
  return (await db.user.count({ where: { email: DEMO_THERAPIST.email } })) > 0;
}

export async function seedDemoPractice() {
  const therapist = await createTherapistAccount({ ...DEMO_THERAPIST, password: DEMO_PASSWORD });
  const scope = { therapistId: therapist.id, practiceId: therapist.practiceId };
  const joined = new Map<string, { clientId: string; userId: string; practiceId: string; timeZone: string; name: string }>();
  for (const client of DEMO_CLIENTS) {
    const { client: created, invitation } = await addClient(scope, client);
    if (!client.joins) continue;
    const user = await acceptInvitation({ token: invitation.token, password: DEMO_PASSWORD });
    joined.set(client.email, { clientId: created.id, userId: user.id, practiceId: therapist.practiceId, timeZone: client.timeZone, name: client.displayName });
  }
  const get = (email: string) => {
    const client = joined.get(email);
    if (!client) throw new Error(`Demo client ${email} is missing`);
    return client;
  };
  const history = await seedDemoHistory(scope, {
    jordan: get("jordan@demo.trellis.test"),
    sam: get("sam@demo.trellis.test"),
    aiko: get("aiko@demo.trellis.test"),
  });
  // Jordan and Sam are the demo couple: their check-ins side by side.
  await linkPartners(scope, get("jordan@demo.trellis.test").clientId, get("sam@demo.trellis.test").clientId);
  // …and one entry shared between them: Sam's apology, which Jordan can read in the portal.
  await setEntrySharing(get("sam@demo.trellis.test"), { submissionId: history.samsApologyId, share: true });
  const colleagues = await seedDemoColleagues(scope);
  return { therapistId: therapist.id, ...colleagues };
}
