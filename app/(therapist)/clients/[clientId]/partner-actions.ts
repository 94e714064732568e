"use server";

import { revalidatePath } from "next/cache";
import { requireTherapist } from "@/lib/auth/session";
import { linkPartners, linkPartnersSchema, unlinkPartner, unlinkPartnerSchema } from "@/lib/clients/link-partners";
import { therapistScope } from "@/lib/clients/scope";
import { failureFrom, formValues, validationFailure, type ActionResult, type FormState } from "@/lib/actions/result";

function revalidateClient(clientId: string) {
  revalidatePath(`/clients/${clientId}`, "layout");
}

export async function linkPartnerAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  const scope = therapistScope(await requireTherapist());
  const values = formValues(formData);
  const parsed = linkPartnersSchema.safeParse(values);
  if (!parsed.success) return validationFailure(parsed.error, values);
  try {
    await linkPartners(scope, parsed.data.clientId, parsed.data.partnerClientId);
  } catch (error) {
    return failureFrom(error, values);
  }
  revalidateClient(parsed.data.clientId);
  revalidateClient(parsed.data.partnerClientId);
  return { ok: true, message: "Linked as partners. You can now see their check-ins side by side." };
}

export async function unlinkPartnerAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  const scope = therapistScope(await requireTherapist());
  const parsed = unlinkPartnerSchema.safeParse(formValues(formData));
  if (!parsed.success) return validationFailure(parsed.error);
  try {
    await unlinkPartner(scope, parsed.data.clientId);
  } catch (error) {
    return failureFrom(error);
  }
  // The former partner's pages change too; their id isn't known here any more.
  revalidatePath("/clients", "layout");
  return { ok: true, message: "Partner link removed." };
}
