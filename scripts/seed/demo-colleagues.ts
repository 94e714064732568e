// The demo practice's colleagues: a second clinician with a small caseload
// and a little history, and a supervisor who supervises him. Accounts are
// made directly (as seeds may, like the owner's); supervision and clients go
// through the app's own functions.
import { hashPassword } from "@/lib/auth/password";
import { addClient } from "@/lib/clients/add-client";
import type { TherapistScope } from "@/lib/clients/scope";
import { todayIn } from "@/lib/dates/local-date";
import { db } from "@/lib/db";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";
import { ownerScope } from "@/lib/practice/members/owner";
import { setSupervisees } from "@/lib/practice/members/supervision";
import { DEMO_CLINICIAN, DEMO_CLINICIAN_CLIENTS, DEMO_PASSWORD, DEMO_SUPERVISOR } from "./demo-accounts";
import { markOlderEntriesReviewed, microPromises, weeklyCheckIns, type DemoClient } from "./demo-history";

async function staff(practiceId: string, person: { name: string; email: string; timeZone: string }, practiceRole: "CLINICIAN" | "SUPERVISOR") {
  const user = await db.user.create({
    data: { ...person, role: "THERAPIST", practiceRole, practiceId, passwordHash: await hashPassword(DEMO_PASSWORD) },
    select: { id: true },
  });
  return user.id;
}

export async function seedDemoColleagues(owner: TherapistScope, realNow = new Date()) {
  const clinicianId = await staff(owner.practiceId, DEMO_CLINICIAN, "CLINICIAN");
  const supervisorId = await staff(owner.practiceId, DEMO_SUPERVISOR, "SUPERVISOR");
  await setSupervisees(ownerScope({ userId: owner.therapistId, practiceId: owner.practiceId }), supervisorId, [clinicianId]);

  const clinician: TherapistScope = { therapistId: clinicianId, practiceId: owner.practiceId };
  const clients: DemoClient[] = [];
  for (const person of DEMO_CLINICIAN_CLIENTS) {
    const { client, invitation } = await addClient(clinician, person);
    const user = await acceptInvitation({ token: invitation.token, password: DEMO_PASSWORD });
    clients.push({ clientId: client.id, userId: user.id, practiceId: owner.practiceId, timeZone: person.timeZone, name: person.displayName });
  }
  const [noor, alex] = clients as [DemoClient, DemoClient];
  await weeklyCheckIns(clinician, noor, todayIn(noor.timeZone, realNow), 4, { from: 4, to: 6, worryFrom: 7, worryTo: 5 });
  await weeklyCheckIns(clinician, alex, todayIn(alex.timeZone, realNow), 3, { from: 5, to: 6, worryFrom: 5, worryTo: 4 });
  await microPromises(clinician, alex, todayIn(alex.timeZone, realNow), 10, 0.75);
  await markOlderEntriesReviewed(clinician, realNow);
  return { clinicianId, supervisorId };
}
