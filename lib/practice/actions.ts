"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { publicAction, staffAction } from "@/lib/actions/define-action";
import { formValues, type ActionResult, type FormState } from "@/lib/actions/result";
import { linkBase } from "@/lib/accounts/link-base";
import { actionEventContext } from "@/lib/audit/request-context";
import { requestDelivery } from "@/lib/mail/send-mail";
import { idField } from "@/lib/validations/text";
import { handOverClient } from "./handover";
import { deactivateMember } from "./members/deactivate-member";
import { acceptStaffInvitation, inviteMember, resendInvitation, revokeInvitation } from "./members/invitations";
import { ownerScope } from "./members/owner";
import { invitationIdSchema, inviteMemberSchema, joinPracticeSchema, memberIdSchema, supervisionSchema } from "./members/schemas";
import { setSupervisees } from "./members/supervision";
import { practiceSettingsSchema } from "./settings/schemas";
import { updatePracticeSettings } from "./settings/practice-settings";

// Member management, handovers and practice settings: the owner only, through
// staffAction(["OWNER"]); every data function checks the role again in its own
// query. Joining from an invitation is public (the link is the credential).

const MEMBERS = "/practice/members";

async function delivery() {
  const [{ address }, base] = await Promise.all([actionEventContext(), linkBase()]);
  return { base, address };
}

const INVITATION_SENT = "Invitation sent. The link in it works for 7 days.";

export async function inviteMemberAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return invite(formData);
}

const invite = staffAction(
  ["OWNER"],
  inviteMemberSchema,
  async ({ identity }, data): Promise<ActionResult> => {
    await inviteMember(ownerScope(identity), data, await delivery());
    requestDelivery();
    // The same answer whether or not the address already has an account.
    return { ok: true, message: INVITATION_SENT };
  },
  { echo: true, input: formValues, revalidate: [MEMBERS] },
);

const byInvitationId = (formData: FormData) => ({ invitationId: formData.get("invitationId") });

export async function resendInvitationAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return resend(formData);
}

const resend = staffAction(
  ["OWNER"],
  invitationIdSchema,
  async ({ identity }, data): Promise<ActionResult> => {
    await resendInvitation(ownerScope(identity), data.invitationId, await delivery());
    requestDelivery();
    return { ok: true, message: "A new invitation is on its way. The earlier link no longer works." };
  },
  { input: byInvitationId, revalidate: [MEMBERS] },
);

export async function revokeInvitationAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return revoke(formData);
}

const revoke = staffAction(
  ["OWNER"],
  invitationIdSchema,
  async ({ identity }, data): Promise<ActionResult> => {
    const { address } = await actionEventContext();
    await revokeInvitation(ownerScope(identity), data.invitationId, address);
    return { ok: true, message: "Invitation withdrawn. Its link no longer works." };
  },
  { input: byInvitationId, revalidate: [MEMBERS] },
);

export async function setSuperviseesAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return supervise(formData);
}

const supervise = staffAction(
  ["OWNER"],
  supervisionSchema,
  async ({ identity }, data): Promise<ActionResult> => {
    const { address } = await actionEventContext();
    await setSupervisees(ownerScope(identity), data.supervisorId, data.clinicianIds, address);
    return { ok: true, message: "Saved." };
  },
  {
    input: (formData) => ({ supervisorId: formData.get("supervisorId"), clinicianIds: formData.getAll("clinicianId") }),
    revalidate: [MEMBERS],
  },
);

export async function deactivateMemberAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return deactivate(formData);
}

const deactivate = staffAction(
  ["OWNER"],
  memberIdSchema,
  async ({ identity }, data): Promise<ActionResult> => {
    const { address } = await actionEventContext();
    await deactivateMember(ownerScope(identity), data.memberId, address);
    return { ok: true, message: "Deactivated. They are signed out everywhere and can no longer sign in." };
  },
  { input: (formData) => ({ memberId: formData.get("memberId") }), revalidate: [MEMBERS] },
);

const handoverSchema = z.object({
  clientId: idField,
  fromClinicianId: idField,
  toClinicianId: z.string({ error: "Choose a clinician." }).regex(/^[A-Za-z0-9_-]{1,64}$/, { error: "Choose a clinician." }),
});

export async function handOverClientAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return handOver(formData);
}

const handOver = staffAction(
  ["OWNER"],
  handoverSchema,
  async ({ identity }, data): Promise<ActionResult> => {
    const result = await handOverClient(ownerScope(identity), data, await delivery());
    requestDelivery();
    for (const clientId of result.clientIds) revalidatePath(`/clients/${clientId}`, "layout");
    const couple = result.clientIds.length > 1 ? " Their partner moved with them." : "";
    return { ok: true, message: `Handed over to ${result.toName}.${couple}` };
  },
  { input: formValues, revalidate: ["/clients", "/dashboard"] },
);

export async function updatePracticeSettingsAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return saveSettings(formData);
}

const saveSettings = staffAction(
  ["OWNER"],
  practiceSettingsSchema,
  async ({ identity }, data): Promise<ActionResult> => {
    const { address } = await actionEventContext();
    await updatePracticeSettings(ownerScope(identity), data, address);
    return { ok: true, message: "Practice settings saved." };
  },
  { echo: true, input: formValues, revalidate: [["/", "layout"]] },
);

export type JoinResult = ActionResult<{ email: string }>;

export async function joinPracticeAction(_previous: FormState, formData: FormData): Promise<JoinResult> {
  return join(formData);
}

const join = publicAction(
  joinPracticeSchema,
  async (_context, data): Promise<JoinResult> => {
    const user = await acceptStaffInvitation(data);
    return { ok: true, email: user.email, message: "You've joined the practice. Sign in with your e-mail address and new password." };
  },
  { echo: { omit: ["password", "confirmPassword"] }, input: formValues },
);
