"use server";

import { revalidatePath } from "next/cache";
import { therapistAction } from "@/lib/actions/define-action";
import { formValues, type ActionResult, type FormState } from "@/lib/actions/result";
import { invitationUrl } from "@/lib/invitations/invitation-url";
import { addClientSchema, clientIdSchema } from "@/lib/validations/clients";
import { addClient } from "./add-client";
import { archiveClient } from "./archive-client";
import { linkPartners, linkPartnersSchema, unlinkPartner, unlinkPartnerSchema } from "./link-partners";
import { renewInvitation } from "./renew-invitation";

export type InvitationResult = ActionResult<{ clientName: string; link: string; expiresAt: string }>;

type Invited = Awaited<ReturnType<typeof addClient>>;

async function invitationResult({ client, invitation }: Invited): Promise<InvitationResult> {
  return {
    ok: true,
    clientName: client.displayName,
    link: await invitationUrl(invitation.token),
    expiresAt: invitation.expiresAt.toISOString(),
  };
}

const byClientId = (formData: FormData) => ({ clientId: formData.get("clientId") });

export async function addClientAction(_previous: FormState, formData: FormData): Promise<InvitationResult> {
  return add(formData);
}

const add = therapistAction(addClientSchema, async ({ scope }, data) => invitationResult(await addClient(scope, data)), {
  echo: true,
  input: formValues,
  revalidate: ["/clients"],
});

export async function renewInvitationAction(_previous: FormState, formData: FormData): Promise<InvitationResult> {
  return renew(formData);
}

const renew = therapistAction(clientIdSchema, async ({ scope }, data) => invitationResult(await renewInvitation(scope, data.clientId)), {
  input: byClientId,
  revalidate: ["/clients"],
});

export async function archiveClientAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return archive(formData);
}

const archive = therapistAction(
  clientIdSchema,
  async ({ scope }, data): Promise<ActionResult> => {
    await archiveClient(scope, data.clientId);
    return { ok: true, message: "Client archived. Their record is kept and they can no longer sign in." };
  },
  { input: byClientId, revalidate: ["/clients"] },
);

function revalidateClient(clientId: string) {
  revalidatePath(`/clients/${clientId}`, "layout");
}

export async function linkPartnerAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return link(formData);
}

const link = therapistAction(
  linkPartnersSchema,
  async ({ scope }, data): Promise<ActionResult> => {
    await linkPartners(scope, data.clientId, data.partnerClientId);
    revalidateClient(data.clientId);
    revalidateClient(data.partnerClientId);
    return { ok: true, message: "Linked as partners. You can now see their check-ins side by side." };
  },
  { echo: true, input: formValues },
);

export async function unlinkPartnerAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return unlink(formData);
}

// The former partner's pages change too; their id isn't known here any more.
const unlink = therapistAction(
  unlinkPartnerSchema,
  async ({ scope }, data): Promise<ActionResult> => {
    await unlinkPartner(scope, data.clientId);
    return { ok: true, message: "Partner link removed." };
  },
  { input: formValues, revalidate: [["/clients", "layout"]] },
);
