// Colleagues in a test practice, made through the app's own functions: the
// owner invites, the colleague joins from the link.
import { acceptStaffInvitation, inviteMember } from "@/lib/practice/members/invitations";
import { ownerScope } from "@/lib/practice/members/owner";
import { inviteMemberSchema } from "@/lib/practice/members/schemas";
import { PASSWORD, uniqueEmail, uniqueId, type TestTherapist } from "./factories";

const BASE = process.env.APP_URL ?? "http://127.0.0.1:3100";

export type TestColleague = { id: string; practiceId: string; name: string; email: string; password: string; practiceRole: "CLINICIAN" | "SUPERVISOR" };

/** An open invitation of the owner's practice (the token is only for tests). */
export async function inviteColleague(owner: Pick<TestTherapist, "id" | "practiceId">, practiceRole: "CLINICIAN" | "SUPERVISOR" = "CLINICIAN") {
  const email = uniqueEmail(practiceRole.toLowerCase());
  const name = `Dr ${practiceRole === "CLINICIAN" ? "Clinician" : "Supervisor"} ${uniqueId()}`;
  const issued = await inviteMember(ownerScope({ userId: owner.id, practiceId: owner.practiceId }), inviteMemberSchema.parse({ name, email, practiceRole }), {
    base: BASE,
  });
  return { id: issued.id, token: issued.token!, email, name };
}

export async function addColleague(owner: Pick<TestTherapist, "id" | "practiceId">, practiceRole: "CLINICIAN" | "SUPERVISOR" = "CLINICIAN"): Promise<TestColleague> {
  const invited = await inviteColleague(owner, practiceRole);
  const user = await acceptStaffInvitation({ token: invited.token, name: invited.name, timeZone: "Europe/Berlin", password: PASSWORD });
  return { id: user.id, practiceId: user.practiceId, name: invited.name, email: invited.email, password: PASSWORD, practiceRole };
}
