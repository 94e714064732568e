"use server";

import { revalidatePath } from "next/cache";
import { requireTherapist } from "@/lib/auth/session";
import { addClient } from "@/lib/clients/add-client";
import { archiveClient } from "@/lib/clients/archive-client";
import { renewInvitation } from "@/lib/clients/renew-invitation";
import { therapistScope } from "@/lib/clients/scope";
import { invitationUrl } from "@/lib/invitations/invitation-url";
import { failureFrom, formValues, validationFailure, type ActionResult, type FormState } from "@/lib/actions/result";
import { addClientSchema, clientIdSchema } from "@/lib/validations/clients";

export type InvitationResult = ActionResult<{ clientName: string; link: string; expiresAt: string }>;

export async function addClientAction(_previous: FormState, formData: FormData): Promise<InvitationResult> {
  const scope = therapistScope(await requireTherapist());
  const values = formValues(formData);
  const parsed = addClientSchema.safeParse(values);
  if (!parsed.success) return validationFailure(parsed.error, values);
  try {
    const { client, invitation } = await addClient(scope, parsed.data);
    revalidatePath("/clients");
    return {
      ok: true,
      clientName: client.displayName,
      link: await invitationUrl(invitation.token),
      expiresAt: invitation.expiresAt.toISOString(),
    };
  } catch (error) {
    return failureFrom(error, values);
  }
}

export async function renewInvitationAction(_previous: FormState, formData: FormData): Promise<InvitationResult> {
  const scope = therapistScope(await requireTherapist());
  const parsed = clientIdSchema.safeParse({ clientId: formData.get("clientId") });
  if (!parsed.success) return validationFailure(parsed.error);
  try {
    const { client, invitation } = await renewInvitation(scope, parsed.data.clientId);
    revalidatePath("/clients");
    return {
      ok: true,
      clientName: client.displayName,
      link: await invitationUrl(invitation.token),
      expiresAt: invitation.expiresAt.toISOString(),
    };
  } catch (error) {
    return failureFrom(error);
  }
}

export async function archiveClientAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  const scope = therapistScope(await requireTherapist());
  const parsed = clientIdSchema.safeParse({ clientId: formData.get("clientId") });
  if (!parsed.success) return validationFailure(parsed.error);
  try {
    await archiveClient(scope, parsed.data.clientId);
  } catch (error) {
    return failureFrom(error);
  }
  revalidatePath("/clients");
  return { ok: true, message: "Client archived. Their record is kept and they can no longer sign in." };
}
