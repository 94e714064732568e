// A practice with colleagues, made through the app's own functions: the owner
// invites, the colleague joins from the link.
import { randomUUID } from "node:crypto";
import type { TherapistScope } from "@/lib/clients/scope";
import { acceptStaffInvitation, inviteMember } from "@/lib/practice/members/invitations";
import { ownerScope, type OwnerScope } from "@/lib/practice/members/owner";
import { inviteMemberSchema } from "@/lib/practice/members/schemas";
import { PASSWORD, uniqueEmail } from "./integration-fixtures";

export const BASE = "https://trellis.example.test";

export function ownerOf(scope: TherapistScope): OwnerScope {
  return ownerScope({ userId: scope.therapistId, practiceId: scope.practiceId });
}

/** Invites and joins a colleague; returns their scope as data functions take it. */
export async function addColleague(owner: OwnerScope, practiceRole: "CLINICIAN" | "SUPERVISOR" = "CLINICIAN") {
  const email = uniqueEmail(practiceRole.toLowerCase());
  const name = `${practiceRole === "CLINICIAN" ? "Clinician" : "Supervisor"} ${randomUUID().slice(0, 6)}`;
  const { token } = await inviteMember(owner, inviteMemberSchema.parse({ name, email, practiceRole }), { base: BASE });
  const user = await acceptStaffInvitation({ token: token!, name, timeZone: "Europe/Dublin", password: PASSWORD });
  const scope: TherapistScope = { therapistId: user.id, practiceId: user.practiceId };
  return { user, scope, email, name, password: PASSWORD };
}
